"""Text normalisation and edit distance, the two building blocks of the matcher."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stepdown.core.interactions.fuzzy import allowed_edits, edit_distance
from stepdown.core.interactions.normalise import fold, key, split_parts, strip_forms


def test_fold_removes_case_accents_apostrophes_and_punctuation() -> None:
    assert fold("QUÉTIAPINE") == "quetiapine"
    assert fold("St. John's Wort") == "st johns wort"
    assert fold("  Zzz-Quil!  ") == "zzz quil"
    assert fold("oxycodone/APAP") == "oxycodone / apap"


def test_key_ignores_spaces_between_words() -> None:
    assert key("Zzz Quil") == key("ZzzQuil") == "zzzquil"


def test_strip_forms_removes_salts_release_forms_and_strengths() -> None:
    assert strip_forms(fold("oxycodone HCl 10 mg ER tablets")) == "oxycodone"
    assert strip_forms(fold("morphine sulphate 0.5mg/ml oral solution")) == "morphine"
    assert strip_forms(fold("fentanyl 12 mcg/h patch")) == "fentanyl"


def test_strip_forms_keeps_digits_that_are_part_of_a_name() -> None:
    assert strip_forms(fold("DF118")) == "df118"


def test_split_parts_separates_combination_products() -> None:
    assert split_parts(fold("oxycodone/acetaminophen 5/325 mg")) == ("oxycodone", "acetaminophen")
    assert split_parts(fold("codeine with paracetamol")) == ("codeine", "paracetamol")
    assert split_parts(fold("quetiapine")) == ("quetiapine",)


def test_edit_distance_known_answers() -> None:
    # alprazolm -> alprazolam: insert "a" = 1.
    assert edit_distance("alprazolm", "alprazolam", limit=3) == 1
    # codiene -> codeine: swap "ie" to "ei" = 1 (a transposition counts once).
    assert edit_distance("codiene", "codeine", limit=3) == 1
    # kitten -> sitting: k->s, e->i, insert g = 3 (the textbook example).
    assert edit_distance("kitten", "sitting", limit=5) == 3
    assert edit_distance("", "abc", limit=5) == 3


def test_edit_distance_stops_at_the_limit() -> None:
    assert edit_distance("quetiapine", "zolpidem", limit=2) == 3
    assert edit_distance("a", "abcdef", limit=2) == 3  # length gap alone exceeds the limit


def test_allowed_edits_grow_with_length_and_start_at_five_letters() -> None:
    assert [allowed_edits(n) for n in (0, 4, 5, 7, 8, 30)] == [0, 0, 1, 1, 2, 2]


_WORDS = st.text(alphabet="abcdefgh", max_size=12)


@settings(max_examples=300)
@given(a=_WORDS, b=_WORDS, limit=st.integers(min_value=0, max_value=12))
def test_edit_distance_is_symmetric_and_capped(a: str, b: str, limit: int) -> None:
    forward = edit_distance(a, b, limit=limit)
    assert forward == edit_distance(b, a, limit=limit)
    assert 0 <= forward <= limit + 1
    assert (forward == 0) == (a == b)
    assert forward >= min(abs(len(a) - len(b)), limit + 1)


@settings(max_examples=300)
@given(word=st.text(alphabet="abcdefgh", min_size=1, max_size=12), data=st.data())
def test_a_single_edit_is_at_most_distance_one(word: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(word) - 1))
    letter = data.draw(st.sampled_from("abcdefgh"))
    edited = data.draw(
        st.sampled_from(
            [
                word[:index] + letter + word[index + 1 :],  # substitution
                word[:index] + word[index + 1 :],  # deletion
                word[:index] + letter + word[index:],  # insertion
            ]
        )
    )
    assert edit_distance(word, edited, limit=3) <= 1
