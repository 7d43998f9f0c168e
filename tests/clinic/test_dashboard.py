"""The triage dashboard (``/clinic/`` and ``GET /api/v1/clinic/patients``): every reason from
real writes through the real services, the order, consent scoping, search, filter, pages, the
access log, and who may open it.

The clock is the alert tests' (``tests.alerts.alerts_support``): Monday 10 February 2025,
18:00 UTC, noon in Chicago where everyone here lives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from tests.alerts.alerts_support import NOW, TODAY, days_ago, log_diary, noon, plan_in_past
from tests.checkins.checkins_answers import phq9
from tests.mfa_helpers import verified_api, verified_web

from stepdown.accounts.clock import day_start
from stepdown.accounts.models import User
from stepdown.audit.models import AccessEvent

pytestmark = pytest.mark.django_db

ZONE = "America/Chicago"


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def ward(clock: Any, clinics: Any) -> Any:
    """The clinics, made under the fixed clock."""
    return clinics


def _person(email: str, **extra: Any) -> User:
    return User.objects.create_user(email, "x-Secret-words-42", time_zone=ZONE, **extra)


def _dose(person: User, day: dt.date, grams: str, product: Any = None) -> None:
    from stepdown.journal.services import dose_create

    dose_create(
        owner=person,
        amount=Decimal(grams),
        taken_at=noon(person, day),
        product_id=product.pk if product else None,
    )


def _items(api: Any, query: str = "") -> list[dict[str, Any]]:
    response = api.get(f"/clinic/patients{query}")
    assert response.status_code == 200, response.content
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _codes(items: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    return [(item["display_name"], [a["code"] for a in item["attention"]]) for item in items]


# -- every reason, from real data ------------------------------------------------------------


@pytest.fixture(params=["worked out", "stored"])
def everyone(
    request: pytest.FixtureRequest, ward: Any, clock: Any, share: Callable[..., Any]
) -> dict[str, User]:
    """One person per reason, each made through the services that record it, and one calm;
    their reasons worked out on each request, or read from the summaries the worker stores."""
    from stepdown.checkins.services import response_submit
    from stepdown.journal.services import product_create

    people: dict[str, User] = {}

    # Silent since 5 February: joined and shared then, logged nothing.
    clock.move_to(NOW - dt.timedelta(days=5))
    people["silent"] = _person("silent@example.org")
    share(people["silent"], ward.riverside, signature="Dana Silent")
    # Joined 20 days ago: the first PHQ-9 and GAD-7 windows (days 7-9) closed unanswered.
    clock.move_to(NOW - dt.timedelta(days=20))
    people["late"] = _person("late@example.org")
    clock.move_to(NOW)
    share(people["late"], ward.riverside, signature="Fay Late")
    _dose(people["late"], TODAY, "4")

    people["calm"] = _person("calm@example.org")
    share(people["calm"], ward.riverside, signature="Cal Calm")
    _dose(people["calm"], TODAY, "4")

    # Doses a quarter above the plan's 10.8 g target on the last 3 days (over_target).
    people["over"] = _person("over@example.org")
    share(people["over"], ward.riverside, signature="Olly Over")
    plan_in_past(people["over"])
    for back in (2, 1, 0):
        _dose(people["over"], days_ago(back), "13.5")

    # A plan whose second step starts today (3 February + 7 days).
    people["step"] = _person("step@example.org")
    share(people["step"], ward.riverside, signature="Stu Step")
    plan_in_past(people["step"], start_date=days_ago(7), now=noon(people["step"], days_ago(7)))

    # Half an hour apart, so the two high-severity reasons have a known order.
    clock.move_to(NOW + dt.timedelta(minutes=1))
    people["seven"] = _person("seven@example.org")
    share(people["seven"], ward.riverside, signature="Sev Seven")
    product = product_create(owner=people["seven"], name="7-OH tabs", form="seven_oh")
    _dose(people["seven"], TODAY, "1", product)

    clock.move_to(NOW + dt.timedelta(minutes=31))
    people["severe"] = _person("severe@example.org")
    share(people["severe"], ward.riverside, signature="Wes Withdrawal")
    log_diary(people["severe"], TODAY, 24)  # 24 of 48: the default severe level

    clock.move_to(NOW + dt.timedelta(minutes=61))
    people["harm"] = _person("harm@example.org")
    share(people["harm"], ward.riverside, signature="Zed Harm")
    response_submit(
        owner=people["harm"], instrument="phq9", answers=phq9(1, 1, 1, 1, 1, 1, 1, 1, 1)
    )
    clock.move_to(NOW + dt.timedelta(minutes=90))
    if request.param == "stored":
        from stepdown.clinic.triage_store import refresh_summaries

        assert refresh_summaries() == len(people)
    return people


def test_every_reason_from_real_data_in_order(ward: Any, everyone: dict[str, User]) -> None:
    items = _items(verified_api(ward.lee))
    assert _codes(items) == [
        ("Zed Harm", ["self_harm"]),  # self-harm always first, though the newest
        ("Sev Seven", ["seven_oh_switch"]),  # high, 18:01
        ("Wes Withdrawal", ["severe_withdrawal"]),  # high, 18:31
        ("Dana Silent", ["disengaged"]),  # moderate, since 5 February
        ("Olly Over", ["above_plan"]),  # moderate, since today 18:00
        ("Fay Late", ["questionnaire_overdue"]),  # low, since 31 January
        ("Stu Step", ["step_due"]),  # low, since today
        ("Cal Calm", []),
    ]
    by_name = {item["display_name"]: item for item in items}
    # Silence began on the day they joined, 5 February, at local midnight in Chicago.
    [silent] = by_name["Dana Silent"]["attention"]
    assert (silent["severity"], silent["words"]) == (
        "moderate",
        "No dose and no check-in logged for 3 days",
    )
    began = day_start(everyone["silent"], dt.date(2025, 2, 5))
    assert dt.datetime.fromisoformat(silent["since"]) == began
    assert began == dt.datetime(2025, 2, 5, 6, tzinfo=dt.UTC)
    # Joined 21 January: PHQ-9 from 28 January, open 3 days, closed from 31 January.
    [overdue] = by_name["Fay Late"]["attention"]
    assert overdue["since"].startswith("2025-01-31T06:00:00")
    assert [a["severity"] for a in by_name["Zed Harm"]["attention"]] == ["critical"]
    assert by_name["Olly Over"]["plan_status"] == "active"
    assert by_name["Cal Calm"]["plan_status"] == "none"
    assert by_name["Dana Silent"]["last_activity_at"] is None
    assert by_name["Cal Calm"]["last_activity_at"].startswith("2025-02-10T18:00:00")
    assert by_name["Cal Calm"]["id"] == everyone["calm"].pk


def test_the_sparkline_holds_28_days_of_doses_against_the_target(
    ward: Any, everyone: dict[str, User]
) -> None:
    [over] = [i for i in _items(verified_api(ward.lee)) if i["display_name"] == "Olly Over"]
    days = over["sparkline"]
    assert len(days) == 28
    assert days[0]["date"] == "2025-01-14"
    assert days[-1]["date"] == "2025-02-10"
    assert [Decimal(d["dose_g"]) for d in days[-3:]] == [Decimal("13.5")] * 3
    assert all(Decimal(d["dose_g"]) == 0 for d in days[:-3])
    # No plan before 31 January; 12 g from then to 6 February, 10.8 g from the cut on.
    assert [d["target_g"] for d in days if d["date"] < "2025-01-31"] == [None] * 17
    assert Decimal(days[17]["target_g"]) == Decimal(12)
    assert Decimal(days[-1]["target_g"]) == Decimal("10.8")


def test_the_page_says_each_reason_in_words_with_a_chart(
    ward: Any, everyone: dict[str, User]
) -> None:
    client = verified_web(ward.lee)
    response = client.get(reverse("clinic:dashboard"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Zed Harm") < page.index("Sev Seven") < page.index("Cal Calm")
    assert "Answered a check-in question about self-harm" in page
    assert "Switched to a 7-OH product" in page
    assert "Nothing needs attention" in page
    assert page.count('class="spark"') == 8  # every consent here names the journal
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    assert "style=" not in page
    assert reverse("clinic:home") in page  # the clinics overview (invite, members) stays
    assert client.get(reverse("clinic:home")).status_code == 200


def test_the_reason_filter_keeps_only_that_reason(ward: Any, everyone: dict[str, User]) -> None:
    api = verified_api(ward.lee)
    assert _codes(_items(api, "?reason=above_plan")) == [("Olly Over", ["above_plan"])]
    response = api.get("/clinic/patients?reason=bored")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "reason"
    page = verified_web(ward.lee).get(reverse("clinic:dashboard") + "?reason=bored")
    assert page.status_code == 422
    assert "Choose one of the reasons listed." in page.content.decode()


# -- consent scoping -------------------------------------------------------------------------


def test_only_people_whose_consent_covers_the_viewer_are_listed(
    ward: Any, clock: Any, share: Callable[..., Any]
) -> None:
    from stepdown.clinic.consents import consent_revoke

    only_kim = _person("kim-only@example.org")
    share(only_kim, ward.riverside, clinicians=[ward.kim], signature="Kit Kimsonly")
    revoked = _person("revoked@example.org")
    consent = share(revoked, ward.riverside, signature="Rev Oked")
    consent_revoke(owner=revoked, consent_id=consent.pk)
    expiring = _person("expiring@example.org")
    share(expiring, ward.riverside, expires_on=TODAY, signature="Ex Piring")
    other_clinic = _person("hill@example.org")
    share(other_clinic, ward.hillside, signature="Hil Side")

    assert [i["display_name"] for i in _items(verified_api(ward.lee))] == ["Ex Piring"]
    assert [i["display_name"] for i in _items(verified_api(ward.kim))] == [
        "Ex Piring",
        "Kit Kimsonly",
    ]
    assert [i["display_name"] for i in _items(verified_api(ward.roe))] == ["Hil Side"]
    clock.move_to(NOW + dt.timedelta(days=1))  # the end of 10 February in Chicago has passed
    assert _items(verified_api(ward.lee)) == []


def test_a_reason_needs_the_data_classes_it_comes_from(
    ward: Any, share: Callable[..., Any]
) -> None:
    from stepdown.checkins.services import response_submit

    person = _person("plan-only@example.org")
    share(person, ward.riverside, data_classes=("plan", "notes"), signature="Pat Planonly")
    response_submit(owner=person, instrument="phq9", answers=phq9(1, 1, 1, 1, 1, 1, 1, 1, 1))
    _dose(person, TODAY, "5")
    [item] = _items(verified_api(ward.lee))
    assert item["attention"] == []  # the self-harm answer is a check-in, not shared
    assert item["sparkline"] == []  # the journal is not shared
    assert item["last_activity_at"] is None
    assert item["plan_status"] == "none"
    assert item["data_classes"] == ["notes", "plan"]
    page = verified_web(ward.lee).get(reverse("clinic:dashboard")).content.decode()
    assert "Journal not shared" in page
    assert 'class="spark"' not in page


# -- search and pages --------------------------------------------------------------------------


def test_search_and_pages(ward: Any, share: Callable[..., Any]) -> None:
    for n in range(30):
        person = _person(f"p{n:02d}@example.org")
        share(person, ward.riverside, signature=f"Person {n:02d}" if n != 7 else "Ruth Baker")
    api = verified_api(ward.lee)
    first = api.get("/clinic/patients").json()
    assert (first["total"], first["page"], first["pages"], first["page_size"]) == (30, 1, 2, 25)
    assert len(first["items"]) == 25
    second = api.get("/clinic/patients?page=2").json()
    assert len(second["items"]) == 5
    names = [i["display_name"] for i in first["items"] + second["items"]]
    assert names == sorted(names, key=str.casefold)
    assert len(set(names)) == 30
    assert api.get("/clinic/patients?page=3").json()["items"] == []
    assert [i["display_name"] for i in _items(api, "?q=bAKer")] == ["Ruth Baker"]
    assert api.get("/clinic/patients?page=0").status_code == 422
    page = verified_web(ward.lee).get(reverse("clinic:dashboard") + "?page=2").content.decode()
    assert "Page 2 of 2" in page
    assert page.count('data-testid="triage-row"') == 5


# -- the access log --------------------------------------------------------------------------


def test_one_summary_event_per_person_shown_and_day(
    ward: Any, clock: Any, share: Callable[..., Any]
) -> None:
    people = [_person(f"seen{n}@example.org") for n in range(3)]
    for n, person in enumerate(people):
        share(person, ward.riverside, signature=f"Seen {n}", data_classes=("journal", "skin"))
    api = verified_api(ward.lee)
    _items(api)
    verified_web(ward.lee).get(reverse("clinic:dashboard"))
    _items(api, "?q=Seen%201")
    events = AccessEvent.objects.filter(kind="summary").order_by("owner_id")
    assert [(e.actor_id, e.owner_id) for e in events] == [(ward.lee.pk, p.pk) for p in people]
    assert all(e.data_classes == ["journal"] for e in events)  # only what the row drew on
    clock.move_to(NOW + dt.timedelta(days=1))
    _items(api, "?q=Seen%201")
    assert AccessEvent.objects.filter(kind="summary").count() == 4


# -- who may open it --------------------------------------------------------------------------


def test_people_and_unverified_sessions_are_kept_out(
    ward: Any, person: Any, api_for: Callable[[Any], Any], client: Any
) -> None:
    assert api_for(person).get("/clinic/patients").status_code == 404
    client.force_login(person)
    assert client.get(reverse("clinic:dashboard")).status_code == 404
    unverified = api_for(ward.lee).get("/clinic/patients")
    assert unverified.status_code == 403
    assert unverified.json()["code"] == "mfa_required"
    from django.test import Client

    browser = Client()
    browser.force_login(ward.lee)
    response = browser.get(reverse("clinic:dashboard"))
    assert response.status_code == 302
    assert "mfa" in response["Location"]
    anonymous = Client().get(reverse("clinic:dashboard"))
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]
    assert AccessEvent.objects.count() == 0


def test_the_clinic_links_are_a_list_that_wraps_between_links(
    ward: Any, everyone: dict[str, User]
) -> None:
    """Each link is an item of its own (the dots between them are drawn by the style sheet), so
    a narrow screen wraps the row between two links and a line never starts with a dot."""
    page = verified_web(ward.lee).get(reverse("clinic:dashboard")).content.decode()
    nav = re.search(r'<nav class="triage-clinics"[^>]*>(.*?)</nav>', page, re.S)
    assert nav is not None
    items = re.findall(r"<li>(.*?)</li>", nav.group(1), re.S)
    assert [re.sub(r"<[^>]+>", "", item) for item in items][-3:] == [
        "Open alerts",
        "Messages waiting",
        "Your clinics",
    ]
    assert all(item.startswith("<a href=") and item.endswith("</a>") for item in items)
    assert "·" not in nav.group(1)
