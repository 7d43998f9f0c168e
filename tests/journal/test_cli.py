"""``stepdown log`` and ``stepdown today`` against the database, and ``stepdown demo``."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from typer.testing import CliRunner

from stepdown.cli import app
from stepdown.journal.models import Dose, Product

pytestmark = pytest.mark.django_db

runner = CliRunner()


def test_log_uses_the_only_account_and_reports_the_estimate(person: Any) -> None:
    Product.objects.create(owner=person, name="Green", mitragynine_mg_per_unit=Decimal(15))
    result = runner.invoke(app, ["log", "2.5g", "--product", "green", "--purpose", "energy"])
    assert result.exit_code == 0, result.output
    # 2.5 g × 15 mg/g = 37.5 mg
    assert "Logged 2.5 g of Green (37.5 mg mitragynine)" in result.output
    dose = Dose.objects.get()
    assert (dose.grams, dose.purpose) == (Decimal("2.5"), "energy")


def test_log_defaults_to_the_last_product_and_reads_other_units(person: Any) -> None:
    caps = Product.objects.create(
        owner=person, name="Caps", form="capsules", capsule_weight_g=Decimal("0.5")
    )
    runner.invoke(app, ["log", "2g", "--product", "Caps"])
    result = runner.invoke(app, ["log", "4caps"])
    assert result.exit_code == 0, result.output
    latest = Dose.objects.order_by("-id").first()
    assert latest is not None
    assert latest.product == caps
    assert latest.grams == Decimal("2.0")


def test_log_needs_a_user_when_several_accounts_exist(person: Any, other_person: Any) -> None:
    result = runner.invoke(app, ["log", "1g"])
    assert result.exit_code == 2
    assert "--user" in result.output
    chosen = runner.invoke(app, ["log", "1g", "--user", other_person.email])
    assert chosen.exit_code == 0
    assert Dose.objects.get().owner == other_person


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "2.5kg"], "cannot read the amount"),
        (["log", "0g"], "amount"),
        (["log", "600g"], "at most 500 g"),
        (["log", "2g", "--product", "nothing"], "no product called"),
        (["log", "2g", "--at", "tomorrow"], "cannot read the time"),
        (["log", "2g", "--at", "2099-01-01T08:00"], "future"),
        (["log", "2g", "--purpose", "fun"], "purpose"),
    ],
)
def test_bad_input_prints_one_line_and_exits_2(person: Any, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert message in lines[0]
    assert Dose.objects.count() == 0


def test_log_backdated_in_the_persons_zone(person: Any) -> None:
    result = runner.invoke(app, ["log", "3g", "--at", "2026-01-10T23:30"])
    assert result.exit_code == 0, result.output
    dose = Dose.objects.get()
    # 23:30 in Chicago (UTC−6 in January) is 05:30 UTC the next day
    assert dose.taken_at.isoformat() == "2026-01-11T05:30:00+00:00"


def test_today_json_has_the_contract_fields(person: Any) -> None:
    runner.invoke(app, ["log", "2g"])
    result = runner.invoke(app, ["today", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total_g"] == 2.0
    assert data["dose_count"] == 1
    assert set(data) == {"date", "total_g", "dose_count", "mitragynine_mg", "mitragynine_estimated",
                         "last_dose_at", "avg_7d_g", "avg_28d_g"}  # fmt: skip


def test_today_table_is_readable(person: Any) -> None:
    runner.invoke(app, ["log", "2g"])
    result = runner.invoke(app, ["today"])
    assert result.exit_code == 0
    assert "2 g in 1 dose" in result.output  # not "1 doses"


def test_demo_creates_an_account_with_three_products_and_120_days(db: None) -> None:
    from stepdown.accounts.models import User
    from stepdown.journal.selectors import today_summary

    result = runner.invoke(app, ["demo", "--password", "demo-password-1"])
    assert result.exit_code == 0, result.output
    assert "demo@stepdown.example" in result.output
    assert "demo-password-1" in result.output
    user = User.objects.get(email="demo@stepdown.example")
    assert user.check_password("demo-password-1")
    products = {p.name: p for p in Product.objects.filter(owner=user)}
    assert len(products) == 3
    assert any(p.mitragynine_mg_per_unit is None for p in products.values())
    assert any(p.capsule_weight_g for p in products.values())
    doses = Dose.objects.filter(owner=user)
    days = {d.taken_at.astimezone(user.zone).date() for d in doses}
    assert len(days) >= 119
    assert 4 * 110 <= doses.count() <= 5 * 120
    summary = today_summary(owner=user)
    assert summary.avg_28d_g is not None
    assert Decimal(8) < summary.avg_28d_g < Decimal(16)
    # a month of daily check-ins, two PHQ-9s without any crisis flag, and an active plan
    from stepdown.checkins.models import Response
    from stepdown.plans.selectors import current_plan

    daily = Response.objects.filter(owner=user, instrument="daily")
    assert 29 <= daily.count() <= 30
    phq9 = Response.objects.filter(owner=user, instrument="phq9")
    assert phq9.count() == 2
    assert all("self_harm" not in r.flags for r in phq9)
    plan = current_plan(owner=user)
    assert plan is not None
    assert plan.product is not None
    # running it again replaces the account rather than duplicating it
    runner.invoke(app, ["demo", "--password", "demo-password-2"])
    assert User.objects.filter(email="demo@stepdown.example").count() == 1


def test_the_demo_shows_every_feature_in_use(db: None) -> None:
    """The demo said "Finish setting up" and had no goal, nudges or alerts."""
    from django.test import Client

    from stepdown.accounts.models import User
    from stepdown.alerts.models import Alert
    from stepdown.goals.models import Goal
    from stepdown.plans.selectors import current_plan
    from stepdown.profile.models import Onboarding

    result = runner.invoke(app, ["demo", "--password", "demo-password-1"])
    assert result.exit_code == 0, result.output
    user = User.objects.get(email="demo@stepdown.example")
    assert Onboarding.objects.get(owner=user).status == Onboarding.Status.COMPLETED
    goal = Goal.objects.get(owner=user)
    assert goal.max_g_per_day is not None
    assert Alert.objects.filter(owner=user, kind=Alert.Kind.NUDGE).exists()
    assert Alert.objects.filter(owner=user).exists()
    assert current_plan(owner=user) is not None
    # Skin: three sessions, each photo measured (a trend to show).
    from stepdown.skin.models import Measurement, PhotoSession

    assert PhotoSession.objects.filter(owner=user).count() == 3
    assert Measurement.objects.filter(photo__owner=user, ita_deg__isnull=False).count() == 6
    client = Client()
    client.force_login(user)
    page = client.get("/today/").content.decode()
    assert "Finish setting up" not in page
    assert 'data-testid="nudge"' in page
    assert 'data-testid="plan-today"' in page
