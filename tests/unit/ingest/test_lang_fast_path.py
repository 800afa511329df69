"""The lexicon shortcut of the language detector never claims a text of a neighbouring language
(texts written for this test, about 100 words each)."""
from __future__ import annotations

import pytest

from briefgen.ingest.meta import _lexicon_sure, detect_lang

NEIGHBOURS = {
    "pt": "O governo anunciou na quinta-feira um novo pacote de medidas para apoiar as famílias com rendimentos "
          "mais baixos. Segundo o ministro das Finanças, as medidas vão custar cerca de dois mil milhões de euros "
          "e serão financiadas com a receita extraordinária dos impostos sobre as empresas de energia. A oposição "
          "criticou o plano e disse que chega tarde demais para quem já não consegue pagar a renda da casa. Os "
          "sindicatos pediram um aumento do salário mínimo e prometeram novas manifestações em todo o país se o "
          "governo não mudar de posição até ao fim do mês.",
    "es": "El gobierno anunció el jueves un nuevo paquete de medidas para ayudar a las familias con menos "
          "ingresos. Según el ministro de Hacienda, las medidas costarán unos dos mil millones de euros y se "
          "pagarán con los ingresos extraordinarios de los impuestos a las empresas de energía. La oposición "
          "criticó el plan y dijo que llega demasiado tarde para quienes ya no pueden pagar el alquiler. Los "
          "sindicatos pidieron una subida del salario mínimo y prometieron nuevas protestas en todo el país si el "
          "gobierno no cambia de postura antes de que termine el mes.",
    "ca": "El govern va anunciar dijous un nou paquet de mesures per ajudar les famílies amb menys ingressos. "
          "Segons el ministre d'Economia, les mesures costaran uns dos mil milions d'euros i es pagaran amb els "
          "ingressos extraordinaris dels impostos a les empreses d'energia. L'oposició va criticar el pla i va dir "
          "que arriba massa tard per a qui ja no pot pagar el lloguer. Els sindicats van demanar una pujada del "
          "salari mínim i van prometre noves protestes a tot el país si el govern no canvia de posició abans que "
          "acabi el mes.",
    "nl": "De regering heeft donderdag een nieuw pakket maatregelen aangekondigd om gezinnen met een laag inkomen "
          "te steunen. Volgens de minister van Financiën kosten de maatregelen ongeveer twee miljard euro en "
          "worden ze betaald uit de extra belastinginkomsten van energiebedrijven. De oppositie had kritiek op "
          "het plan en zei dat het te laat komt voor mensen die de huur al niet meer kunnen betalen. De vakbonden "
          "vroegen om een hoger minimumloon en kondigden nieuwe acties in het hele land aan als de regering niet "
          "voor het einde van de maand van standpunt verandert.",
    "af": "Die regering het Donderdag 'n nuwe pakket maatreëls aangekondig om gesinne met 'n lae inkomste te "
          "help. Volgens die minister van Finansies sal die maatreëls sowat twee miljard rand kos en sal dit "
          "betaal word uit die ekstra belasting op energiemaatskappye. Die opposisie het die plan gekritiseer en "
          "gesê dit kom te laat vir mense wat nie meer hul huur kan betaal nie. Die vakbonde het gevra vir 'n "
          "hoër minimum loon en het nuwe betogings regoor die land belowe as die regering nie voor die einde "
          "van die maand van standpunt verander nie.",
    "da": "Regeringen annoncerede torsdag en ny pakke af tiltag, der skal hjælpe familier med lave indkomster. "
          "Ifølge finansministeren vil tiltagene koste omkring to milliarder kroner og blive betalt med de "
          "ekstra skatteindtægter fra energiselskaberne. Oppositionen kritiserede planen og sagde, at den kommer "
          "for sent for dem, der allerede ikke kan betale huslejen. Fagforeningerne krævede en højere mindsteløn "
          "og lovede nye demonstrationer i hele landet, hvis regeringen ikke ændrer holdning inden udgangen af "
          "måneden.",
}


@pytest.mark.parametrize("lang", sorted(NEIGHBOURS))
def test_the_lexicon_shortcut_leaves_neighbouring_languages_to_the_detector(lang):
    assert _lexicon_sure(NEIGHBOURS[lang]) is None
    assert detect_lang(NEIGHBOURS[lang]) == lang


def test_the_lexicon_shortcut_takes_a_plain_french_text():
    text = ("Le gouvernement a annoncé jeudi un nouveau paquet de mesures pour aider les familles aux revenus "
            "les plus modestes. Selon le ministre des Finances, ces mesures coûteront environ deux milliards "
            "d'euros et seront financées par les recettes exceptionnelles des taxes sur les entreprises de "
            "l'énergie. L'opposition a critiqué le plan et a dit qu'il arrive trop tard pour ceux qui ne peuvent "
            "déjà plus payer leur loyer. Les syndicats ont demandé une hausse du salaire minimum.")
    assert _lexicon_sure(text) == "fr" and detect_lang(text) == "fr"
