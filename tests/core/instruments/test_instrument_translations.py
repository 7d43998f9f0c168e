"""Every instrument has complete French; the French scores exactly like the English; PHQ-9 and
GAD-7 use Pfizer's published French, cited, and the rest says it is the project's own."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.instruments.test_instrument_definitions import clinical_source_ids

from stepdown.core.instruments import INSTRUMENTS, ItemKind, get_instrument, score_answers
from stepdown.core.instruments.language import (
    in_language,
    missing_texts,
    texts_of,
    translation_for,
)
from stepdown.core.instruments.translation import Translation

OFFICIAL_FRENCH = {"phq9", "phq2", "gad7", "gad2"}


@pytest.mark.parametrize("code", sorted(INSTRUMENTS))
def test_every_instrument_has_french_for_every_text_it_shows(code: str) -> None:
    # A new instrument, or a changed English sentence, fails here until its French is written.
    assert missing_texts(INSTRUMENTS[code], "fr") == ()


def test_an_instrument_without_french_lists_every_text_as_missing() -> None:
    bare = replace(INSTRUMENTS["phq2"], translations=())
    missing = missing_texts(bare, "fr")
    assert "Little interest or pleasure in doing things" in missing
    assert "Positive screen" in missing
    assert "Nearly every day" in missing
    assert len(missing) == len(set(texts_of(bare)))


@pytest.mark.parametrize("code", sorted(INSTRUMENTS))
def test_the_french_instrument_has_the_same_codes_values_and_ranges(code: str) -> None:
    english, french = INSTRUMENTS[code], get_instrument(code, "fr")
    assert french.language == "fr"
    assert french.item_codes == english.item_codes
    assert french.total_items == english.total_items
    assert french.total_range == english.total_range
    assert [(b.name, b.low, b.high) for b in french.bands] == [
        (b.name, b.low, b.high) for b in english.bands
    ]
    for mine, theirs in zip(french.items, english.items, strict=True):
        assert [(o.value, o.points, o.refusal) for o in mine.options] == [
            (o.value, o.points, o.refusal) for o in theirs.options
        ]
        assert (mine.minimum, mine.maximum, mine.asked_if) == (
            theirs.minimum,
            theirs.maximum,
            theirs.asked_if,
        )
    assert [(f.code, f.items, f.at_least) for f in french.flags] == [
        (f.code, f.items, f.at_least) for f in english.flags
    ]


@st.composite
def phq9_answers(draw: st.DrawFn) -> dict[str, int]:
    return {code: draw(st.integers(0, 3)) for code in INSTRUMENTS["phq9"].item_codes[:9]}


@settings(max_examples=60)
@given(phq9_answers())
def test_the_french_phq9_scores_and_flags_like_the_english(answers: dict[str, int]) -> None:
    english = score_answers(INSTRUMENTS["phq9"], answers)
    french = score_answers(get_instrument("phq9", "fr"), answers)
    assert french == english
    assert ("self_harm" in french.flags) == (answers["q9"] > 0)


@pytest.mark.parametrize("code", sorted(INSTRUMENTS))
def test_every_text_the_french_instrument_shows_is_french(code: str) -> None:
    english, french = INSTRUMENTS[code], get_instrument(code, "fr")
    words = translation_for(english, "fr")
    assert words is not None
    assert list(texts_of(french)) == [words.texts[text] for text in texts_of(english)]


def test_the_language_tag_is_read_for_its_language_only() -> None:
    assert get_instrument("gad7", "fr-CA").language == "fr"
    assert get_instrument("gad7", "fr_FR").language == "fr"
    assert get_instrument("gad7", "de").language == "en"
    assert get_instrument("gad7", "en-gb") is INSTRUMENTS["gad7"]
    assert get_instrument("gad7") is INSTRUMENTS["gad7"]


def test_phq_and_gad_use_the_official_french_and_cite_it() -> None:
    known = clinical_source_ids()
    for code in INSTRUMENTS:
        translation = translation_for(INSTRUMENTS[code], "fr")
        assert translation is not None
        assert translation.official is (code in OFFICIAL_FRENCH), code
        assert set(translation.sources) <= known, code


def test_phq9_question_9_is_pfizers_french_word_for_word() -> None:
    # The safety question is shown as published (PHQ9FR), never reworded.
    assert get_instrument("phq9", "fr").item("q9").text == (
        "Penser qu’il vaudrait mieux mourir ou envisager de vous faire du mal d’une manière ou "
        "d’une autre"
    )
    assert [o.label for o in get_instrument("phq2", "fr").items[0].options] == [
        "Jamais",
        "Plusieurs jours",
        "Plus de la moitié du temps",
        "Presque tous les jours",
    ]


def test_a_number_item_keeps_its_unit_and_a_text_item_its_length() -> None:
    french = get_instrument("daily", "fr")
    sleep = french.item("sleep_hours")
    assert (sleep.kind, sleep.unit, sleep.decimal_places) == (ItemKind.NUMBER, "h", 2)
    assert french.item("note").max_length == INSTRUMENTS["daily"].item("note").max_length
    assert french.item("craving").min_label == "Pas du tout"


def test_a_translation_with_an_empty_text_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        Translation(language="fr", texts={"Yes": " "})


def test_an_official_translation_must_cite_its_source() -> None:
    with pytest.raises(ValueError, match="cites"):
        Translation(language="fr", texts={"Yes": "Oui"}, official=True)


def test_english_is_not_a_translation() -> None:
    with pytest.raises(ValueError, match="other than English"):
        Translation(language="en", texts={"Yes": "Yes"})


def test_a_missing_text_stays_in_english_rather_than_failing() -> None:
    partial = replace(
        INSTRUMENTS["phq2"],
        translations=(Translation(language="fr", texts={"Positive screen": "Dépistage positif"}),),
    )
    worded = in_language(partial, "fr")
    assert worded.bands[1].label == "Dépistage positif"
    assert worded.items[0].text == "Little interest or pleasure in doing things"
