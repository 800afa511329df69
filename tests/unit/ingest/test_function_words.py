"""Running text in a language without a lexicon reads as prose (issue 11: Russian, Indonesian, Portuguese and
Czech dumps gave no article text or a wrong teaser): the stop-word share counts data/function_words.toml."""
import tomllib

import pytest

from briefgen.ingest import linemodel
from briefgen.ingest.clean import classify_line, is_prose
from briefgen.ingest.patterns import WORD

# written for this test (no page's lines): one plain news sentence per language, and menus flattened into one line
SENTENCES = {
    "ru": "В понедельник правительство объявило о новых мерах по поддержке малого бизнеса в регионах страны.",
    "id": "Pemerintah daerah akan membangun jembatan baru di desa itu pada tahun depan untuk warga.",
    "pt": "O governo anunciou nesta segunda-feira novas medidas para apoiar as pequenas empresas do país.",
    "cs": "Vláda v pondělí oznámila nová opatření na podporu malých podniků v regionech země.",
    "pl": "Rząd ogłosił w poniedziałek nowe środki wsparcia dla małych firm w regionach kraju.",
    "tr": "Hükümet pazartesi günü bölgelerdeki küçük işletmeler için yeni destek önlemleri açıkladı ve bu karar çok konuşuldu.",
    "nl": "De regering heeft maandag nieuwe maatregelen aangekondigd om kleine bedrijven in de regio te steunen.",
    "sv": "Regeringen presenterade på måndagen nya åtgärder för att stödja små företag i regionerna.",
    "vi": "Chính phủ đã công bố các biện pháp mới để hỗ trợ những doanh nghiệp nhỏ trong khu vực vào thứ hai.",
}
MENUS = [
    "Главная Новости Политика Экономика Спорт Культура Видео Фото Погода",
    "Beranda Berita Politik Ekonomi Olahraga Hiburan Teknologi Otomotif Video",
    "Início Notícias Política Economia Desporto Cultura Vídeos Opinião Podcasts",
    "Home News Sport Politics Business Culture Travel Opinion Video Podcasts",
]


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_a_sentence_in_a_language_without_a_lexicon_is_prose_and_a_sentence(lang):
    text = SENTENCES[lang]
    assert is_prose(text)
    assert classify_line(text)[3], "a sentence, not a headline or menu line"


@pytest.mark.parametrize("menu", MENUS)
def test_a_menu_flattened_into_one_line_is_still_no_prose(menu):
    assert not is_prose(menu)


def test_every_function_word_is_one_lowercase_token():
    data = tomllib.loads(linemodel.FUNCTION_WORDS_PATH.read_text(encoding="utf-8"))
    bad = [(lang, w) for lang, d in data.items() for w in d["words"] if WORD.fullmatch(w.lower()) is None or w != w.lower()]
    assert not bad


def test_the_stop_share_is_one_language_s_not_the_union_of_all():
    # the words of one language count; words of different languages do not add up (Dutch "het", Polish "w",
    # Russian "и", Turkish "ve"): a line of words from many languages is no prose in any of them
    assert linemodel.stop_hits(["het", "w", "и", "ve", "news"]) == 1
    assert linemodel.stop_hits(["the", "of", "and", "news"]) == 3                   # the lexicons' union as before
    assert linemodel.stop_hits(["и", "в", "на", "новости"]) == 3


def test_the_line_models_stop_share_counts_the_same_words_as_is_prose():
    text = SENTENCES["ru"]
    share = linemodel.shape(text)[1][linemodel.STOP_RATIO]
    toks = WORD.findall(text.lower())
    assert share == linemodel.stop_hits(toks) / len(toks) >= 0.15
    assert linemodel.shape_plain(text)[1][linemodel.STOP_RATIO] == share
