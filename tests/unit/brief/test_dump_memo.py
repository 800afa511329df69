"""Front matter values dumped once and remembered give the bytes yaml.dump gives each time."""
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.brief import frontmatter as fm

TRICKY = ["", "NO", "no", "yes", "On", "null", "~", "1", "1.0", "0x1F", "-", "a: b", "#x", "x #y", " x", "x ",
          "'q'", '"q"', "é", "2026-01-16", "<<", "=", "@x", "`x", "%x", "!x", "&x", "*x", "|", ">", "[x]", "{x}"]


def plain(value):
    return yaml.dump(value, Dumper=fm.BriefDumper, allow_unicode=True, width=1 << 30,
                     default_flow_style=True, sort_keys=False).removesuffix("\n...\n").rstrip("\n")


VALUES = st.one_of(st.none(), st.sampled_from(TRICKY), st.text(max_size=50),
                   st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)), max_size=9),
                   st.integers(), st.booleans(), st.floats(allow_nan=False))


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_a_remembered_value_dumps_as_yaml_dumps_it(value):
    assert fm._dump_value(value) == plain(value)
    assert fm._dump_value(value) == plain(value)     # the second time from the memo


def test_a_code_list_and_its_single_code_are_remembered_apart():
    assert fm._dump_value(["NO"]) == "['NO']" and fm._dump_value("NO") == "'NO'"
    assert fm._dump_value([]) == "[]" and fm._dump_value(None) == "null" and fm._dump_value("") == "''"
