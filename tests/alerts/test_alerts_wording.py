"""A stored notice worded in the reader's language from its rule's messages and values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import Any

from django.utils import translation

from stepdown.alerts.wording import shown_notice, stored_wording
from stepdown.core.rules import (
    LearnSlug,
    Severity,
    notice,
)
from stepdown.core.rules.limits import OFF_DAY, weekday_names
from stepdown.core.rules.products import FAILED
from stepdown.core.says import Clock, Day, Grams, Percent, Says, Term, Words
from stepdown.worded import worded


@dataclass
class _Row:
    title: str
    explanation: str
    action: str
    wording: Any


def _row_of(alert: Any) -> _Row:
    return _Row(alert.title, alert.explanation, alert.action, stored_wording(alert.wording))


def _off_day() -> Any:
    return notice(
        code="off_day_use",
        severity=Severity.LOW,
        title=Says(OFF_DAY[0]),
        explanation=Says(
            OFF_DAY[1],
            {
                "total": Grams(Decimal("2.46")),
                "day": Day(date(2025, 2, 8), weekday=True),
                "days": weekday_names(frozenset({0, 2, 4})),
            },
        ),
        action=Says(OFF_DAY[0]),
        source="SeedRisk",
        cause_key="day:2025-02-08",
        learn_slug=LearnSlug.AVOIDING_DEPENDENCE,
    )


def test_a_stored_notice_reads_in_french_with_french_days_and_grams() -> None:
    row = _row_of(_off_day())
    with translation.override("fr"):
        shown = shown_notice(row)
    assert shown.title == "Une prise un jour que vous vouliez garder libre"
    assert shown.explanation == (
        "Vous avez noté 2,5 g le samedi 8 février ; votre objectif est de consommer seulement "
        "lundi, mercredi et vendredi."
    )


def test_english_shows_the_stored_words() -> None:
    alert = _off_day()
    with translation.override("en"):
        shown = shown_notice(_row_of(alert))
    assert shown.explanation == alert.explanation
    assert "Saturday 8 February" in shown.explanation


def test_times_percentages_and_fixed_words_in_french() -> None:
    message = Says(
        "%(at)s %(rise)s %(term)s %(failed)s %(name)s",
        {
            "at": Clock(time(21, 5)),
            "rise": Percent(Decimal("0.254")),
            "term": Term("heavy metals"),
            "failed": Words(("heavy metals", "microbes"), every_and=True),
            "name": "Maeng Da",
        },
    )
    with translation.override("fr"):
        assert worded(message) == (
            "21:05 25 % les métaux lourds les métaux lourds et les microbes Maeng Da"
        )


def test_an_interaction_alerts_advice_is_the_knowledge_bases_own_french() -> None:
    from stepdown.core.interactions import CLASSES
    from stepdown.core.interactions.wording import FRENCH

    code, entry = next(iter(CLASSES.items()))
    message = Says("%(advice)s", {"advice": Term(entry.advice)})
    with translation.override("fr"):
        assert worded(message) == FRENCH[code].advice
    with translation.override("en"):
        assert worded(message) == entry.advice


def test_a_row_without_messages_translates_its_fixed_sentences_only() -> None:
    row = _Row(
        "A product failed its contaminant test", "Red Bali failed its lab test.", FAILED[4], {}
    )
    with translation.override("fr"):
        shown = shown_notice(row)
    assert shown.title == "Un produit a échoué à son analyse de contaminants"
    assert shown.explanation == "Red Bali failed its lab test."
    assert shown.action.startswith("Pensez à mettre ce lot de côté")


def test_words_that_no_longer_fit_fall_back_to_the_stored_english() -> None:
    row = _row_of(_off_day())
    row.wording["explanation"][0][1].pop("total")
    with translation.override("fr"):
        assert shown_notice(row).explanation.startswith("You logged 2.5 g on Saturday 8 February")


def _too_many_days(most: int, used_days: int) -> Any:
    from stepdown.core.rules import DayTotal, Limits, too_many_days

    days = [
        DayTotal(day=date(2025, 3, 3 + n), total_g=Decimal(2), dose_count=1)
        for n in range(used_days)
    ]
    return too_many_days(days=days, limits=Limits(max_days_per_week=most))[-1]


def test_a_one_day_limit_takes_the_singular_in_french() -> None:
    """Regression: "au plus 1 jours par semaine" (and "1 days" in English)."""
    row = _row_of(_too_many_days(most=1, used_days=2))
    with translation.override("fr"):
        shown = shown_notice(row)
    assert shown.explanation == (
        "Sur les 7 jours jusqu’au 4 mars, vous avez pris du kratom 2 jours. Votre objectif est "
        "de 1 jour par semaine au plus. Les jours sans kratom évitent que la tolérance "
        "s’installe."
    )
    with translation.override("en"):
        assert "Your goal is at most 1 day a week." in shown_notice(row).explanation


def test_a_two_day_limit_takes_the_plural_in_french() -> None:
    row = _row_of(_too_many_days(most=2, used_days=3))
    with translation.override("fr"):
        explanation = shown_notice(row).explanation
    assert "vous avez pris du kratom 3 jours. Votre objectif est de 2 jours par semaine" in (
        explanation
    )


def test_french_counts_zero_and_one_in_the_singular() -> None:
    """French takes the singular for 0 and 1 where English says "0 days", "1 day"."""
    row = _row_of(_too_many_days(most=0, used_days=1))
    assert "on 1 day. Your goal is at most 0 days a week." in row.explanation
    with translation.override("fr"):
        explanation = shown_notice(row).explanation
    assert "du kratom 1 jour. Votre objectif est de 0 jour par semaine au plus." in explanation


def test_a_row_stored_with_the_old_one_sentence_wording_still_reads_in_french() -> None:
    """Rows stored before the sentence was split keep its one message, still translated."""
    old = Says(
        "In the 7 days to %(day)s you used kratom on %(used)s days; your goal is at most "
        "%(most)s days a week. Days without kratom help keep tolerance from building.",
        {"day": Day(date(2025, 3, 6)), "used": 4, "most": 3},
    )
    with translation.override("fr"):
        said = worded(old)
    assert said.startswith("Sur les 7 jours jusqu’au 6 mars, vous avez pris du kratom 4 jours ;")
