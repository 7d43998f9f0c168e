"""The command line keeps copies of a few of the core's and the web's words for the catalogue
(it cannot import the Django apps that list them): each copy must still match its original."""

from __future__ import annotations

from django.utils import formats, translation

from stepdown.cli.pk import AMOUNT_LABEL
from stepdown.cli.skin import CALIBRATION_WORDS
from stepdown.config.settings import LANGUAGES
from stepdown.core import pharmacokinetics
from stepdown.core.numbers import DECIMAL_MARKS
from stepdown.skin.wording import CALIBRATION_LABELS


def test_the_amount_label_is_the_cores() -> None:
    assert AMOUNT_LABEL == pharmacokinetics.AMOUNT_LABEL


def test_the_calibration_words_are_the_skin_pages() -> None:
    assert CALIBRATION_WORDS == CALIBRATION_LABELS


def test_each_languages_decimal_mark_is_djangos() -> None:
    assert set(DECIMAL_MARKS) == {code for code, _name in LANGUAGES}
    for code, mark in DECIMAL_MARKS.items():
        with translation.override(code):
            assert formats.get_format("DECIMAL_SEPARATOR") == mark
