"""Every rule's sources exist, every Learn link is a known page, and no message blames or
advises taking more. One scenario triggers every rule so that each message is checked."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from stepdown.core.potency import LabResult, ProductForm
from stepdown.core.rules import (
    ALERT_RULES,
    LEARN_SLUGS,
    Alert,
    CowsScore,
    DayTotal,
    DiaryScore,
    DoseEvent,
    InteractionFinding,
    InteractionKind,
    InteractionSeverity,
    Limits,
    PlanStepView,
    ProductSwitch,
    ProductView,
    QuestionnaireFlag,
    RuleContext,
    SideEffectReport,
    WarningSymptom,
    evaluate_rules,
)

ROOT = Path(__file__).resolve().parents[3]
RULES_DIR = ROOT / "src" / "stepdown" / "core" / "rules"
START = date(2025, 1, 6)
ZONE = ZoneInfo("America/Chicago")


def source_ids() -> set[str]:
    """The first column of the table in docs/clinical-sources.md."""
    ids = set()
    for line in (ROOT / "docs" / "clinical-sources.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] not in ("ID", "") and not set(cells[0]) <= {"-"}:
            ids.add(cells[0])
    return ids


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def everything() -> RuleContext:
    """A (grim) history in which every rule has something to say."""
    today = 40
    days = [DayTotal(day(n), Decimal(2), 1) for n in range(33)]
    days += [DayTotal(day(n), Decimal(4), 2) for n in range(33, today + 1)]
    previous = PlanStepView(day(20), day(33), Decimal(5))
    current = PlanStepView(day(34), day(47), Decimal(3))
    diary = [DiaryScore(day(n), 6) for n in range(27, 34)]
    diary += [DiaryScore(day(n), 30) for n in range(34, today + 1)]
    late = [
        DoseEvent(datetime.combine(day(today), time(22), ZONE), Decimal(2)),
        DoseEvent(datetime.combine(day(today), time(23), ZONE), Decimal(2)),
    ]
    return RuleContext(
        today=day(today),
        journal_start=day(0),
        days=tuple(days),
        doses=tuple(late),
        limits=Limits(
            max_g_per_day=Decimal(3),
            max_days_per_week=3,
            min_hours_between=Decimal(4),
            no_use_after=time(21),
            end_date=day(35),
            allowed_weekdays=frozenset(range(5)),
        ),
        steps=(previous, current),
        diary=tuple(diary),
        cows=(CowsScore(day(today), 30),),
        flags=(
            QuestionnaireFlag("phq9", "self_harm", day(today), "r1"),
            QuestionnaireFlag("daily", "chest_pain", day(today), "r2"),
        ),
        side_effects=(SideEffectReport(day(today), WarningSymptom.PREGNANCY),),
        products=(
            ProductView("p1", "Shot", ProductForm.SEVEN_OH, heavy_metals=LabResult.FAIL),
            ProductView("p2", "Leaf", ProductForm.LEAF_POWDER, microbial=LabResult.FAIL),
        ),
        switches=(ProductSwitch(day(today), "p3", "Gold", Decimal("0.5")),),
        interactions=(
            InteractionFinding(
                "Methadone",
                InteractionKind.MEDICINE,
                InteractionSeverity.HIGH,
                "Do not combine without your prescriber's advice.",
                ("Suriaga2024",),
            ),
        ),
        checkin_days=frozenset({day(30)}),
    )


ALL_ALERTS: tuple[Alert, ...] = evaluate_rules(context=everything())


def test_the_scenario_triggers_every_rule() -> None:
    assert {alert.code for alert in ALL_ALERTS} == set(ALERT_RULES)


@pytest.mark.parametrize("alert", ALL_ALERTS, ids=lambda alert: alert.code)
def test_every_alert_cites_a_listed_source_and_a_known_learn_page(alert: Alert) -> None:
    assert alert.source in source_ids()
    assert alert.learn_slug.value in LEARN_SLUGS
    assert alert.title
    assert alert.explanation
    assert alert.action


# Phrases that would push someone to take more, or put the blame on them.
MORE = re.compile(
    r"\b(increase|raise|up) (your|the) (dose|amount|use)\b|\btake more\b|\bmore kratom\b"
    r"|\bextra dose\b",
    re.IGNORECASE,
)
BLAME = re.compile(
    r"\byou (failed|broke|cheated|should have)\b|\byour fault\b|\brelapse|\bnon-?complian"
    r"|\bdisappoint",
    re.IGNORECASE,
)


@pytest.mark.parametrize("alert", ALL_ALERTS, ids=lambda alert: alert.code)
def test_no_message_advises_more_use_or_blames(alert: Alert) -> None:
    text = f"{alert.title} {alert.explanation} {alert.action}"
    assert not MORE.search(text), text
    assert not BLAME.search(text), text


def test_the_wording_checks_can_fail() -> None:
    assert MORE.search("You could increase your dose a little.")
    assert BLAME.search("You failed the step.")


# Source IDs look like Author2020 or Name988; two carry no digits.
ID_LIKE = re.compile(r"\b[A-Z][A-Za-z]+\d{3,4}[A-Za-z0-9]*\b|\bSeedRisk\b|\bWikEMKratom\b")


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.py")), ids=lambda path: path.name)
def test_every_source_id_named_in_the_rule_modules_is_listed(path: Path) -> None:
    named = set(ID_LIKE.findall(path.read_text(encoding="utf-8")))
    assert named <= source_ids(), named - source_ids()


def test_the_source_table_parser_reads_ids() -> None:
    ids = source_ids()
    assert {"Grundmann2017", "SeedRisk", "Wesson2003"} <= ids
    assert "ID" not in ids
