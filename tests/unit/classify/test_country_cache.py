"""The compiled country lexicon kept on disk is the lexicon built from the data, and any trouble with the
file means building it again, never a wrong or missing lexicon."""
import pytest

from briefgen.classify import countries
from briefgen.classify.pipeline import classify_text

TEXT = ("Le président français a reçu à l'Élysée son homologue allemand. Berlin et Paris veulent une "
        "réponse commune face à Washington, a dit la Maison-Blanche.")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    countries.lexicon.cache_clear()
    yield tmp_path / "briefgen"
    countries.lexicon.cache_clear()


@pytest.mark.parametrize("lang", ["en", "de", "fr", "it", "es"])
def test_the_lexicon_read_back_is_the_built_one(cache, lang):
    built = countries._build(lang)
    first = countries.lexicon(lang)                      # built and written
    assert len(list(cache.glob(f"countries-{lang}-*.marshal"))) == 1
    countries.lexicon.cache_clear()
    read = countries.lexicon(lang)                       # read back
    assert read is not first
    assert countries._plain(read) == countries._plain(first) == countries._plain(built)


def test_classification_is_the_same_from_the_file(cache):
    fresh = classify_text("Paris et Berlin", None, TEXT, "fr", None, explain=False)
    countries.lexicon.cache_clear()
    again = classify_text("Paris et Berlin", None, TEXT, "fr", None, explain=False)
    assert fresh.countries == again.countries and "FR" in fresh.countries and fresh.mentions == again.mentions


def test_a_broken_file_is_built_again_and_replaced(cache):
    countries.lexicon("it")
    path = next(cache.glob("countries-it-*.marshal"))
    path.write_bytes(b"\x00not marshal")
    countries.lexicon.cache_clear()
    assert countries._plain(countries.lexicon("it")) == countries._plain(countries._build("it"))
    countries.lexicon.cache_clear()
    assert countries._plain(countries.lexicon("it")) == countries._plain(countries._build("it"))
    assert path.read_bytes()[:1] != b"\x00"


def test_no_cache_folder_still_gives_the_lexicon(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    countries.lexicon.cache_clear()
    try:
        assert countries._plain(countries.lexicon("en")) == countries._plain(countries._build("en"))
    finally:
        countries.lexicon.cache_clear()


def test_the_file_name_changes_with_what_the_lexicon_is_built_from(cache, monkeypatch):
    import babel

    before = countries._cache_path("en")
    monkeypatch.setattr(babel, "__version__", babel.__version__ + ".test")
    assert countries._cache_path("en") != before and countries._cache_path("de") != countries._cache_path("en")
    with pytest.raises(ValueError):
        countries._cache_path("../x")


def test_a_lexicon_file_of_another_version_is_removed_when_its_language_is_written(cache):
    stale = cache / "countries-it-00000000000000000000.marshal"      # an older briefgen's
    other = cache / "countries-de-00000000000000000000.marshal"      # another language: not touched here
    cache.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"old")
    other.write_bytes(b"old")
    countries.lexicon.cache_clear()
    countries.lexicon("it")
    assert not stale.exists() and other.exists()
    assert len(list(cache.glob("countries-it-*.marshal"))) == 1


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_the_read_back_index_gives_the_built_entries_for_every_phrase(cache, lang):
    """The index read from the file makes a phrase's Entry objects when first looked up: every phrase of
    the built lexicon (and a text of all of them) gives the same candidates and mentions."""
    from briefgen.classify.lexicon import Tokens

    built = countries._build(lang)
    countries.lexicon(lang)                              # written
    countries.lexicon.cache_clear()
    read = countries.lexicon(lang)                       # read back
    assert isinstance(read.index, countries._StoredIndex) and not isinstance(built.index, countries._StoredIndex)
    phrases = [(w,) for w in built.index.singles] + [p for v in built.index.pairs.values() for p, _ in v]
    for phrase in phrases:
        toks = Tokens(" ".join(phrase))
        assert read.index.candidates(toks, 0) == built.index.candidates(toks, 0), phrase
    text = Tokens(". ".join(" ".join(p).title() for p in phrases[:400]))
    assert countries.find_mentions(text, read) == countries.find_mentions(text, built)
    assert countries._plain(read) == countries._plain(built)
