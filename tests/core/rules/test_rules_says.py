"""A notice's words as messages and values: the English they build, and the rule's list."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from stepdown.core.rules import (
    ALERT_RULES,
    NOTICE_MESSAGES,
    LearnSlug,
    Severity,
    check_wording,
    notice,
)
from stepdown.core.rules.limits import OVER_LIMIT, TOO_CLOSE, weekday_names
from stepdown.core.says import Clock, Day, Grams, Percent, Says, Term, Words


def test_each_value_is_written_as_the_rules_always_wrote_it() -> None:
    message = Says(
        "%(g)s %(day)s %(weekday)s %(at)s %(rise)s %(n)s %(avg)s %(name)s %(term)s %(days)s",
        {
            "g": Grams(Decimal("3.46")),
            "day": Day(date(2025, 3, 7)),
            "weekday": Day(date(2025, 3, 8), weekday=True),
            "at": Clock(time(21, 5)),
            "rise": Percent(Decimal("0.254")),
            "n": 4,
            "avg": Decimal("6.0"),
            "name": "Red Bali",
            "term": Term("alcohol"),
            "days": weekday_names(frozenset({0, 2, 4})),
        },
    )
    assert message.text == (
        "3.5 g 7 March Saturday 8 March 21:05 25 % 4 6.0 Red Bali alcohol "
        "Monday, Wednesday and Friday"
    )


def test_weekdays_only_reads_as_one_phrase() -> None:
    assert weekday_names(frozenset(range(5))) == Words(("weekdays (Monday to Friday)",))


def test_a_notice_builds_its_english_from_its_messages() -> None:
    alert = notice(
        code="doses_too_close",
        severity=Severity.LOW,
        title=Says(TOO_CLOSE[0]),
        explanation=Says(
            TOO_CLOSE[1],
            {
                "time": Clock(time(9, 30)),
                "day": Day(date(2025, 3, 7)),
                "gap": Decimal("1.5"),
                "hours": Decimal(3),
            },
        ),
        action=Says(TOO_CLOSE[2]),
        source="SeedRisk",
        cause_key="dose:x",
        learn_slug=LearnSlug.AVOIDING_DEPENDENCE,
    )
    assert alert.title == "Doses closer together than you planned"
    assert alert.explanation.startswith(
        "The dose at 09:30 on 7 March came 1.5 h after the one before; your goal is at least 3 h"
    )
    assert alert.wording is not None
    assert alert.wording.explanation_text == alert.explanation


def test_a_message_the_rule_does_not_list_is_refused() -> None:
    """The notices' one store checks every alert with ``check_wording`` before keeping it."""
    with pytest.raises(ValueError, match="over_daily_limit words a notice with unlisted"):
        check_wording(
            notice(
                code="over_daily_limit",
                severity=Severity.LOW,
                title=Says("A title nobody translated"),
                explanation=Says(
                    OVER_LIMIT[1],
                    {
                        "day": Day(date(2025, 3, 7)),
                        "total": Grams(Decimal(4)),
                        "limit": Grams(Decimal(3)),
                    },
                ),
                action=Says(OVER_LIMIT[0]),
                source="SeedRisk",
                cause_key="day:2025-03-07",
                learn_slug=LearnSlug.AVOIDING_DEPENDENCE,
            )
        )


def test_every_rule_lists_its_messages() -> None:
    assert set(NOTICE_MESSAGES) == set(ALERT_RULES)
    assert all(NOTICE_MESSAGES[code] for code in ALERT_RULES)
