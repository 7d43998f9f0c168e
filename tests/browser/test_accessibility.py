"""Every page the app serves, checked by axe-core for WCAG 2.0, 2.1 and 2.2 A and AA
(docs/accessibility.md), as four personas at a phone's and a desktop's width.

The pages come from the URL resolver (tests/route_paths.py) and who may open each from the
route matrix (tests/route_matrix.py), so a new page is swept as soon as it has a route; a route
that no persona sweeps and that is not named below as not a page fails the last test. One live
server, one browser, one context per persona and width.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from tests import route_matrix as matrix
from tests.browser.axe import axe_violations, describe
from tests.route_paths import named_routes, path_for

from stepdown.demo import DEMO_EMAIL

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PASSWORD = "a-long-test-passphrase"
ERROR_PAGE = ("error page", "/no-such-page/")  # the app's own 404 page

# Routes that answer a GET with something other than one of the app's HTML pages.
NOT_PAGES = {
    "web:healthz": "a plain-text health check",
    "plans:strip_pdf": "a PDF",
    "clinic:patient_report": "a PDF",
    "calendar:plan": "an iCalendar file",
    "calendar:feed": "an iCalendar feed",
    "audit:access_log_csv": "a CSV file",
    "skin:photo": "an image",
    "api:openapi-json": "the API's JSON schema",
    "web:service_worker": "the service worker's JavaScript",
    "web:manifest": "the web app manifest (JSON)",
    "api:openapi-view": "django-ninja's Swagger UI for developers, not a page of ours",
    "accounts:logout": "a POST that ends at the sign-in page (swept)",
}
# Pieces that htmx loads into a page: swept inside the page that shows them.
FRAGMENTS = {
    "today:milestones_panel": "today:today",
    "goals:nudges_panel": "today:today",
    "alerts:bell": "the header of every signed-in page",
    "substances:recent_warning": "today:dose_new",
}
# Who each persona is in the matrix, and which audiences of routes it sweeps. The pages every
# account shares (Learn, help) are swept signed out and by the person with data; a clinician's
# own person pages are the newcomer's, so the clinician sweeps the clinic and account pages.
CLINIC_AUDIENCES = {matrix.STAFF, matrix.CLINIC, matrix.CLINIC_ADMIN, matrix.PATIENT}
PERSONAS: dict[str, tuple[str, set[str], set[str]]] = {  # matrix persona, audiences, namespaces
    "visitor": ("anonymous", {matrix.PUBLIC, matrix.TOKEN}, set()),
    "newcomer": ("owner", {matrix.SIGNED_IN, matrix.OWNER}, set()),
    "weeks_of_data": ("owner", {matrix.SIGNED_IN, matrix.OWNER, matrix.PUBLIC}, set()),
    "clinician": ("clin_ok", CLINIC_AUDIENCES, {"accounts"}),
}


@dataclass
class Sweep:
    failures: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)
    fragments: set[str] = field(default_factory=set)
    pages: int = 0


def _clinician() -> Any:
    from tests.mfa_helpers import add_confirmed_device

    from stepdown.clinic.services import clinic_create

    clinician = clinic_create(name="Riverside", admin_email="lee@clinic.example").admin
    add_confirmed_device(clinician)
    return clinician


def _share(person: Any, clinician: Any) -> None:
    from stepdown.clinic.consents import consent_sign
    from stepdown.clinic.data_classes import ALL
    from stepdown.clinic.services import patient_invitation_create

    _, code = patient_invitation_create(clinician=clinician)
    consent_sign(
        owner=person, invitation_code=code, data_classes=list(ALL), expires_on=None,
        signature=person.display_name,
    )  # fmt: skip


def _with_data() -> Any:
    """The demo person (four months of data), with one of each row the demo does not make."""
    from stepdown.accounts.models import User
    from stepdown.accounts.services import token_create
    from stepdown.alerts.models import Alert, SuggestedAdjustment
    from stepdown.demo import create_demo
    from stepdown.learn.models import ReasonToChange, SupportContact, UrgeLog
    from stepdown.plans.models import Plan

    person = User.objects.get(email=create_demo(password=PASSWORD)[0])
    token_create(owner=person, name="phone shortcut")
    SupportContact.objects.create(owner=person, name="Jo", how_to_reach="by phone")
    ReasonToChange.objects.create(owner=person, text="My family")
    UrgeLog.objects.create(owner=person, strength=5)
    alert = Alert.objects.filter(owner=person).first() or Alert.objects.create(
        owner=person, code="use_rising", severity="moderate", title="Use is rising",
        cause_key="a11y", explanation="e", action="a", source="s", learn_slug="tolerance",
    )  # fmt: skip
    plan = Plan.objects.filter(owner=person).first()
    SuggestedAdjustment.objects.create(
        owner=person, alert=alert, plan=plan, kind="hold", parameters={"days": 7}
    )
    return person


def _person(persona: str) -> Any:
    from stepdown.accounts.models import User
    from stepdown.demo import create_first_week

    if persona == "visitor":
        return None
    if persona == "newcomer":
        return User.objects.create_user("new@example.org", PASSWORD, display_name="Noor")
    from stepdown.clinic.proposals import proposal_create

    clinician = _clinician()
    person = _with_data()
    _share(person, clinician)
    proposal_create(
        author=clinician, person_id=person.pk, kind="hold", days=7, reason="A calmer week.",
        kind_of_access="page", route="clinic:patient_proposals",
    )  # fmt: skip
    if persona == "weeks_of_data":
        return person
    # A clinic admin whom the demo person and a person one week in share everything with.
    _share(User.objects.get(email=create_first_week(password=PASSWORD)), clinician)
    return clinician


def _variants(persona: str, name: str) -> list[dict[str, str]]:
    """Argument sets beyond the default, where one route shows pages that differ in kind."""
    from stepdown.core.instruments import INSTRUMENTS, Audience
    from stepdown.learn.pages import PAGES
    from stepdown.profile.steps import steps_for

    if persona == "visitor":
        if name == "learn:page":
            return [{"slug": slug} for slug in PAGES]
        if name == "reminders:unsubscribe":
            return [{"token": _unsubscribe_token()}]
        if name == "clinic:staff_join":
            return [_staff_invitation()]
    if persona == "newcomer":
        if name == "goals:onboarding_step":
            return [{"step": step.slug} for step in steps_for("")]
        if name == "checkins:answer":
            codes = [i.code for i in INSTRUMENTS.values() if i.audience is Audience.SELF_REPORT]
            return [{"code": code} for code in codes]
    if name == "learn:page":
        return [{"slug": next(iter(PAGES))}]
    if name == "clinic:join_code":
        return [{"code": _join_code()}]
    if persona == "clinician" and name == "clinic:patient_alert_acknowledge":
        from stepdown.alerts.models import Alert

        return [{"alert_id": str(Alert.objects.filter(owner__email=DEMO_EMAIL).first().pk)}]
    return [{}]


def _unsubscribe_token() -> str:
    from stepdown.accounts.models import User
    from stepdown.reminders.models import ReminderPreference
    from stepdown.reminders.tokens import unsubscribe_token

    owner = User.objects.create_user("reminded@example.org", PASSWORD)
    preference, _ = ReminderPreference.objects.get_or_create(owner=owner)
    return unsubscribe_token(preference.unsubscribe_key)


def _staff_invitation() -> dict[str, str]:
    from stepdown.clinic import codes
    from stepdown.clinic.services import staff_invite

    invitation = staff_invite(
        admin=_clinician(), email="new@clinic.example", role="clinician", site_url="http://t"
    )
    return {"invitation_id": str(invitation.pk), "token": codes.staff_token(invitation)}


def _join_code() -> str:
    from stepdown.accounts.models import User
    from stepdown.clinic.services import patient_invitation_create

    clinician = User.objects.filter(email="lee@clinic.example").first() or _clinician()
    return patient_invitation_create(clinician=clinician)[1]


def _page_routes() -> list[tuple[str, str, list[str]]]:
    """Every named route but the JSON API's operations (the matrix lists those apart)."""
    return [r for r in named_routes() if r[0] in matrix.PAGES or not r[1].startswith("api/")]


def _sweeps(persona: str, name: str) -> bool:
    stands_for, audiences, namespaces = PERSONAS[persona]
    entry = matrix.PAGES[name]
    if name in NOT_PAGES or matrix.expected(entry, entry.audience, stands_for) != "ok":
        return False
    return entry.audience in audiences or name.split(":")[0] in namespaces


def _paths(persona: str, owner: Any) -> list[tuple[str, str]]:
    """(route name, path) of every page this persona sweeps."""
    found = [ERROR_PAGE]
    for name, route, names in _page_routes():
        if _sweeps(persona, name):
            for fixed in _variants(persona, name):
                path = path_for(name, route, names, owner, **fixed)
                # "0": the persona has no such row (a newcomer); the person with data has all.
                if "0" not in path.split("/"):
                    found.append((name, path))
                assert persona == "newcomer" or "0" not in path.split("/"), (persona, path)
    return found


def _open(browser: Browser, base_url: str, owner: Any, viewport: Any) -> Page:
    from django.conf import settings
    from django.test import Client
    from tests.mfa_helpers import verified_web

    context = browser.new_context(viewport=viewport, base_url=base_url)
    if owner is not None:
        if owner.mfa_required:  # a clinician, past the second factor
            client = verified_web(owner)
        else:
            client = Client()
            client.force_login(owner)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}]
        )
    return context.new_page()


def _pages(page: Page, sweep: Sweep, paths: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The paths that answer with a whole HTML page, asked once outside the tab (Chromium
    shows its own error page for an answer with no body, such as a POST-only route's 405)."""
    kept = []
    for name, path in paths:
        answer = page.request.get(path)
        kind = answer.headers.get("content-type", "")
        if answer.status == 405:
            continue  # answers only a POST: nothing to show
        assert answer.status < 400 or (name, path) == ERROR_PAGE, (name, path, answer.status)
        assert kind.startswith("text/html"), f"{name} ({path}) answers {kind}: see NOT_PAGES"
        if answer.text().lstrip().lower().startswith("<!doctype"):
            kept.append((name, path))
        else:
            sweep.fragments.add(name)
    return kept


def _sweep(page: Page, sweep: Sweep, where: str, paths: list[tuple[str, str]]) -> None:
    seen: set[str] = set()
    for name, path in paths:
        page.goto(path)
        sweep.checked.add(name)
        if page.url in seen:  # a redirect to a page already swept at this width
            continue
        seen.add(page.url)
        # Panels that htmx loads after the page (hx-trigger="load") are part of it.
        page.wait_for_function("() => !document.querySelector('.htmx-request')")
        sweep.pages += 1
        sweep.failures += describe(f"{where} {path} [{name}]", axe_violations(page))


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_has_a_wcag_a_or_aa_violation(
    browser: Browser, live_server: Any, persona: str
) -> None:
    owner = _person(persona)
    sweep = Sweep()
    paths = _paths(persona, owner)
    for width, viewport in WIDTHS.items():
        page = _open(browser, live_server.url, owner, viewport)
        if width == "phone":
            paths = _pages(page, sweep, paths)
        _sweep(page, sweep, f"{persona} at {width}", paths)
        page.context.close()
    assert not sweep.failures, f"{len(sweep.failures)} violations:\n" + "\n".join(sweep.failures)
    assert sweep.pages >= 2 * 10, sweep.pages  # the persona reached its pages
    assert ERROR_PAGE[0] in sweep.checked
    assert sweep.fragments <= set(FRAGMENTS), "a new fragment: name its page in FRAGMENTS"


def test_every_route_is_swept_or_named_as_not_a_page() -> None:
    """What the sweeps above cover, from the same tables: a route no persona sweeps must
    answer no one (the matrix's "nowhere") or be named in NOT_PAGES or FRAGMENTS."""
    names = {name for name, _, _ in _page_routes()}
    swept = {n for n in names for persona in PERSONAS if _sweeps(persona, n)}
    nowhere = {n for n in names if matrix.PAGES[n].audience == matrix.NOWHERE}
    assert set(NOT_PAGES) | set(FRAGMENTS) <= names, "a named route is gone"
    assert names - swept - nowhere - set(NOT_PAGES) - set(FRAGMENTS) == set()
