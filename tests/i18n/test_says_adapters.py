"""What the core says (``core/says.py``) reads the same through both adapters: the pages' and
API's ``stepdown.worded`` and the command line's ``language.worded``, in English and French."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from stepdown.cli import language
from stepdown.core.says import Grams, Percent, Says, Words, counted
from stepdown.core.tapering import TaperError, plan_taper
from stepdown.worded import worded


@pytest.fixture
def cli_language() -> Iterator[None]:
    yield
    language.activate(language.ENGLISH)


@pytest.mark.parametrize(
    ("says", "english", "french"),
    [
        (
            # Not in the catalogue: the same message, its values in the language.
            Says(
                "%(total)s, %(rise)s",
                {"total": Grams(Decimal("3.46")), "rise": Percent(Decimal("0.254"))},
            ),
            "3.5 g, 25 %",
            "3,5 g, 25 %",
        ),
        (
            counted(
                (
                    "You have used regularly for about %(years)s year.",
                    "You have used regularly for about %(years)s years.",
                ),
                "years",
                {"years": Decimal("2.5")},
            ),
            "You have used regularly for about 2.5 years.",
            "Vous consommez régulièrement depuis environ 2,5 ans.",
        ),
        (
            Says("You use kratom for %(uses)s.", {"uses": Words(("pain", "sleep"))}),
            "You use kratom for pain and sleep.",
            "Vous prenez du kratom pour : douleur et sommeil.",
        ),
        (
            Says(
                "the rate must be between %(low)s and %(high)s %% a step, not %(rate)s %%",
                {"low": 5, "high": 25, "rate": Decimal("2.50")},
            ),
            "the rate must be between 5 and 25 % a step, not 2.50 %",
            None,  # French from the catalogue, checked against both adapters below
        ),
    ],
)
def test_both_adapters_word_a_says_alike(
    says: Says, english: str, french: str | None, cli_language: None
) -> None:
    assert says.text == english
    with translation.override("en"):
        assert worded(says) == english
    language.activate(language.ENGLISH)
    assert language.worded(says) == english
    with translation.override("fr"):
        on_a_page = worded(says)
    language.activate("fr")
    assert language.worded(says) == on_a_page
    if french is not None:
        assert on_a_page == french
    assert "2.5" not in on_a_page  # the French decimal mark, never the English one


def test_a_planner_refusal_is_one_says(cli_language: None) -> None:
    with pytest.raises(TaperError) as raised:
        plan_taper(start_g=12, rate_pct="2.5", start_date=date(2026, 12, 10))
    error = raised.value
    assert error.says.text == error.message == str(error)
    with translation.override("fr"):
        on_a_page = worded(error.says)
    language.activate("fr")
    assert language.worded(error.says) == on_a_page
    assert "2,5" in on_a_page
