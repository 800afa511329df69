from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefgen.errors import BuildError
from briefgen.site.i18n import Dates, Names, build_now, load_translations
from briefgen.site.templates import theme_dir

TZ = ZoneInfo("Europe/Zurich")
ROOT = Path(__file__).resolve().parents[3]


def _dates(code: str, today=date(2026, 1, 19)) -> Dates:
    tr = load_translations([theme_dir() / "locales"], code)
    return Dates(code, TZ, today, tr.gettext)


@pytest.mark.parametrize("code, expected", [("fr_CH", "il y a 3 jours"), ("de_CH", "vor 3 Tagen"),
                                            ("it_CH", "3 giorni fa"), ("en", "3 days ago")])
def test_relative_dates_are_computed_against_the_build_day_in_the_locale(code, expected):
    assert _dates(code).relative(datetime(2026, 1, 16, 9, 41, tzinfo=TZ)) == expected


def test_today_and_yesterday_come_from_the_catalog():
    d = _dates("fr_CH")
    assert d.relative(datetime(2026, 1, 19, 7, 0, tzinfo=TZ)) == "aujourd’hui"
    assert _dates("de_CH").relative(date(2026, 1, 18)) == "gestern"


def test_dates_use_the_site_time_zone_and_the_locale():
    d = _dates("fr_CH")
    late = datetime(2026, 1, 16, 23, 30, tzinfo=ZoneInfo("UTC"))   # already the 17th in Zurich
    assert d.date(late, "long") == "17 janvier 2026"
    assert d.datetime(late, "long") == "17 janvier 2026, 00:30"
    assert d.datetime(datetime(2026, 1, 16), "long") == "16 janvier 2026"   # a bare date has no hour
    assert _dates("de_CH").month(2026, 3) == "März 2026"


def test_now_is_pinned_by_config_then_source_date_epoch(monkeypatch):
    assert build_now("2026-01-19T08:00:00+01:00", TZ).date() == date(2026, 1, 19)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert build_now("", TZ) == datetime(1970, 1, 1, 1, 0, tzinfo=TZ)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(BuildError):
        build_now("", TZ)


def test_project_catalog_overrides_single_messages(tmp_path):
    po = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Latest briefs"\nmsgstr "À la une"\n', encoding="utf-8")
    tr = load_translations([tmp_path, theme_dir() / "locales"], "fr_CH")
    assert tr.gettext("Latest briefs") == "À la une" and tr.gettext("Regions") == "Régions"


def test_region_names_come_from_cldr_or_the_sites_own(tmp_path):
    from briefgen.config import load_config

    (tmp_path / "briefgen.toml").write_text('[classify.region_names]\ndach = {fr = "Pays germanophones"}\n',
                                            encoding="utf-8")
    cfg = load_config(tmp_path)
    assert Names("de_CH").region("eastern-asia") == "Ostasien"
    assert Names("fr", cfg).region("dach") == "Pays germanophones"
    assert Names("fr", cfg).region("nowhere-land")   # never fails, shows something readable
    assert Names("fr", cfg).theme("defence")


def test_the_shipped_catalogs_hold_every_message_the_theme_uses(tmp_path):
    """messages.pot is what `pybabel extract` gives today (translators start from it), and every
    language's .po and compiled .mo translate each of its messages: a string added to a template
    without a catalog entry would show in English on a French page."""
    import subprocess
    import sys

    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    out = tmp_path / "messages.pot"
    pybabel = "import sys; from babel.messages.frontend import main; sys.exit(main())"
    subprocess.run([sys.executable, "-c", pybabel, "-q", "extract", "-F", str(theme_dir() / "babel.cfg"),
                    "-o", str(out), "--no-location",
                    "--sort-output", str(theme_dir())], check=True, capture_output=True)
    locales = theme_dir() / "locales"

    def key(message):   # a plural message's id is its (singular, plural) pair
        return tuple(message.id) if isinstance(message.id, list | tuple) else message.id

    def translated(message) -> bool:
        return bool(message.string) and all(message.string) if isinstance(message.string, list | tuple) \
            else bool(message.string)

    with out.open("rb") as f:
        extracted = {key(m) for m in read_po(f) if m.id}
    with (locales / "messages.pot").open("rb") as f:
        assert {key(m) for m in read_po(f) if m.id} == extracted, "stale messages.pot: README, Translations"
    for po in sorted(locales.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        missing = extracted - {key(m) for m in catalog if m.id}
        untranslated = {key(m) for m in catalog if key(m) in extracted and not translated(m)}
        assert not missing and not untranslated, (po, missing, untranslated)
        with po.with_suffix(".mo").open("rb") as f:
            compiled = {key(m) for m in read_mo(f) if m.id}
        assert extracted <= compiled, f"{po.with_suffix('.mo')} is older than its .po"


_DATES_PROBE = """
import sys
{first}
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo
from briefgen.site.i18n import Dates
out = [repr('pytz' in sys.modules)]
for code in ("en", "fr_CH", "de", "ja", "ar_EG", "pt_BR"):
    for zone in ("Europe/Zurich", "America/New_York", "Asia/Kolkata", "UTC", "Pacific/Chatham"):
        tz = ZoneInfo(zone)
        d = Dates(code, tz, date(2026, 3, 29), lambda s: s)
        for when in (datetime(2026, 3, 29, 0, 30, tzinfo=ZoneInfo("UTC")), datetime(2026, 3, 29, 1, 30, tzinfo=tz),
                     datetime(2025, 11, 2, 1, 30, tzinfo=ZoneInfo("America/New_York")), datetime(2024, 2, 29, 23, 59),
                     datetime(2026, 1, 16, 9, 41, tzinfo=tz) - timedelta(days=40)):
            out += [d.date(when, f) for f in ("full", "long", "medium", "short")]
            out += [d.datetime(when, f) for f in ("full", "long", "medium", "short")]
            out += [d.clock(when), d.relative(when), d.iso(when), d.month(when.year, when.month)]
print(chr(10).join(out))
"""


def test_dates_do_not_import_pytz_and_read_as_with_it():
    """i18n imports babel.dates with pytz hidden (babel's import-time look-up of the machine's zone
    through pytz: ~12 ms of every rendering process). Every date filter must give what it gives when
    babel.dates was imported with pytz (pytz imported first, as an ingest in the same process does)."""
    import os
    import subprocess
    import sys

    def run(first: str) -> list[str]:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        return subprocess.run([sys.executable, "-c", _DATES_PROBE.format(first=first)], capture_output=True,
                              text=True, check=True, env=env, cwd=ROOT).stdout.splitlines()

    without, with_pytz = run(""), run("import pytz, babel.dates\nassert babel.dates.pytz is pytz")
    assert without[0] == "False" and with_pytz[0] == "True"
    assert len(without) > 1000 and without[1:] == with_pytz[1:]


def test_pytz_stays_importable_after_the_dates():
    import subprocess
    import sys

    code = ("import sys\nimport briefgen.site.i18n\nassert 'pytz' not in sys.modules\n"
            "import pytz\nprint(pytz.timezone('Europe/Zurich').zone)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "Europe/Zurich"


def test_an_edited_po_is_compiled_once_and_kept_by_its_bytes(tmp_path):
    """A .po newer than its .mo is compiled (an edited translation shows at once) and the compiled
    catalog kept in the cache by the .po's bytes: a later build loads it without babel's catalog
    reader; a changed .po is compiled again; a damaged kept copy is compiled again."""
    import os
    import shutil

    folder = tmp_path / "locales"
    shutil.copytree(theme_dir() / "locales" / "fr", folder / "fr")
    po, mo = folder / "fr" / "LC_MESSAGES" / "messages.po", folder / "fr" / "LC_MESSAGES" / "messages.mo"
    st = mo.stat()
    os.utime(po, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))       # newer than its .mo
    cache = tmp_path / "cache"
    plain = load_translations([folder], "fr").gettext("yesterday")
    assert plain == load_translations([folder], "fr", cache).gettext("yesterday") != "yesterday"
    (kept,) = (cache / "catalogs").glob("*.mo")
    assert load_translations([folder], "fr", cache).gettext("yesterday") == plain
    assert len(list((cache / "catalogs").glob("*.mo"))) == 1
    po.write_text(po.read_text(encoding="utf-8").replace(f'msgstr "{plain}"', 'msgstr "la veille"'), encoding="utf-8")
    os.utime(po, ns=(st.st_atime_ns, st.st_mtime_ns + 2 * 10**9))
    assert load_translations([folder], "fr", cache).gettext("yesterday") == "la veille"
    assert len(list((cache / "catalogs").glob("*.mo"))) == 2
    for copy in (cache / "catalogs").glob("*.mo"):
        copy.write_bytes(b"torn")
    assert load_translations([folder], "fr", cache).gettext("yesterday") == "la veille"
    assert kept.read_bytes() == b"torn"         # the other .po's copy: untouched until that .po is used
