"""The article fingerprint (bottom-k min-hash of word 4-grams): its word split equals the plain regex,
its value is the same in every process, and it tells the same article from another one."""
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.ingest import fingerprint as fp
from briefgen.model import Article, Block

ROOT = Path(__file__).resolve().parents[3]
TEXT = st.text(alphabet=st.sampled_from(list("aZé1٣_ \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2028\u3000,.-'’«»()…"
                                             "日本語ß\u0301")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_words_are_the_regex_words(text):
    assert fp.words_of(text) == fp._WORD.findall(text)


def article(body: str, title: str = "A title") -> Article:
    return Article(title=title, lang="en", blocks=tuple(Block("paragraph", text=p) for p in body.split("\n\n")))


STORY = ("The council voted on Tuesday to close the old bridge over the river for repairs that will last "
         "until the end of next year, the mayor said.\n\nTraffic will be sent through the northern ring "
         "road, and a ferry will carry cyclists and people on foot between the two banks every twenty "
         "minutes during the day.\n\nShop owners near the bridge fear they will lose customers; the "
         "council promised a fund of two million euros to help them through the works.")
OTHER = ("Scientists have found a new species of frog in the cloud forests of the southern mountains, where "
         "heavy rain and mist cover the slopes for most of the year.\n\nThe frog is smaller than a "
         "thumbnail and sings at night with a call that sounds like a dripping tap.")


def test_sketch_is_k_sorted_hex_hashes_and_compares_texts():
    sketch = fp.fingerprint(article(STORY))
    values = fp.hashes(sketch)
    assert len(sketch) == 8 * fp.K and values == sorted(set(values))
    edited = STORY.replace("Traffic", "Cars and lorries") + "\n\nPhoto: city archive"
    assert fp.similarity(sketch, fp.fingerprint(article(edited))) >= fp.SAME_ABOVE
    assert fp.similarity(sketch, fp.fingerprint(article(OTHER))) < 0.1
    assert fp.similarity(sketch, sketch) == 1.0
    # case and compatibility forms do not matter (casefold, NFKC)
    assert fp.fingerprint(article(STORY.upper())) == fp.fingerprint(article(STORY, title="A TITLE"))


def test_a_text_of_fewer_words_than_a_shingle_has_one_hash():
    assert len(fp.fingerprint(Article(title="Two words", lang="en", blocks=()))) == 8
    assert len(fp.fingerprint(Article(title="", lang="en", blocks=()))) == 8


def test_sketch_is_the_same_in_another_process_and_after_the_word_cache_is_cleared(monkeypatch):
    """Sketches are kept in the state file and compared in later runs: no per-process hash seed."""
    here = fp.fingerprint(article(STORY))
    code = ("import sys; from tests.unit.ingest.test_fingerprint import STORY, article; "
            "from briefgen.ingest.fingerprint import fingerprint; sys.stdout.write(fingerprint(article(STORY)))")
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed})
        assert out.stdout == here
    monkeypatch.setattr(fp, "_WORD_HASH_MAX", 3)
    fp._WORD_HASH.clear()
    assert fp.fingerprint(article(OTHER)) == fp.fingerprint(article(OTHER)) and fp.fingerprint(article(STORY)) == here
    assert len(fp._WORD_HASH) < 200
