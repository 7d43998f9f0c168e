"""A GET reads and never writes: every page and every API GET route, as every persona, runs no
statement but SELECT (docs/architecture.md, "a GET request reads and never writes").

Every named URL pattern is requested (patterns that only accept POST answer 405 and run nothing);
path arguments come from the persona's own rows, so the pages show real data. A statement is a
write unless it is a SELECT or transaction control (SAVEPOINT / RELEASE / ROLLBACK TO, which
``atomic`` blocks around reads emit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from tests.api_client import ApiClient
from tests.mfa_helpers import verified_api, verified_web

from stepdown.accounts.models import User
from stepdown.audit.services import record_access
from stepdown.clinic.consents import consent_sign
from stepdown.clinic.data_classes import ALL
from stepdown.clinic.services import clinic_create, patient_invitation_create
from stepdown.demo import create_demo, create_first_week
from stepdown.goals.services import goal_save
from stepdown.journal.services import dose_create

pytestmark = [pytest.mark.django_db(transaction=False)]

NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)

# Routes that may write on GET, each with its reason. Keep this short and explain every entry.
EXEMPT: set[str] = set()
# Django's own admin (staff only) is not ours to police.
SKIPPED_NAMESPACES = {"admin"}

TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK TO")
# Sign-in bookkeeping, not the person's data, done by the middleware and the token check before
# any view runs: the session's last-seen stamp (the idle timeout, refreshed at most every few
# minutes) and a token's last use (at most hourly).
SIGN_IN_BOOKKEEPING = (
    'UPDATE "django_session" SET',
    'UPDATE "accounts_personalaccesstoken" SET "last_used_at"',
)
# The access log (HIPAA audit controls): a clinician's read of a person's data is recorded when
# it happens, GET or not. Only appended, never the data that was read (stepdown.audit).
ACCESS_LOG = ('INSERT INTO "audit_accessevent"',)


def _routes() -> list[tuple[str, str, list[str]]]:
    """(name, route, argument names) of every named pattern outside the skipped namespaces."""
    found: list[tuple[str, str, list[str]]] = []

    def walk(resolver: URLResolver, prefix: str, namespace: str | None) -> None:
        for item in resolver.url_patterns:
            if isinstance(item, URLResolver):
                if item.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = item.namespace or namespace
                walk(item, prefix + str(item.pattern), inner)
            elif isinstance(item, URLPattern) and item.name:
                name = f"{namespace}:{item.name}" if namespace else item.name
                found.append((name, prefix + str(item.pattern), list(item.pattern.converters)))

    walk(get_resolver(), "", None)
    return found


# Path arguments: a row of the persona's own, by model (the newest), or a fixed value.
ROWS = {
    "dose_id": "journal.Dose",
    "product_id": "journal.Product",
    "plan_id": "plans.Plan",
    "response_id": "checkins.Response",
    "nudge_id": "alerts.Alert",
    "contact_id": "learn.SupportContact",
    "reason_id": "learn.ReasonToChange",
    "urge_id": "learn.UrgeLog",
    "session_id": "skin.PhotoSession",
    "alert_id": "alerts.Alert",
    "suggestion_id": "alerts.SuggestedAdjustment",
    "use_id": "substances.SubstanceUse",
    "token_id": "accounts.PersonalAccessToken",
    "consent_id": "clinic.Consent",
    "proposal_id": "clinic.PlanProposal",
}
FIXED = {
    "step": "reason",
    "slug": "tolerance",
    "code": "daily",
    "role": "exposed",
    "variant": "thumb",
    "name": "sertraline",
    "token": "not-a-token",
    "uidb64": "MQ",
}


def _argument(owner: User | None, name: str) -> str:
    if name in ("clinic_id", "member_id"):
        membership = apps.get_model("clinic.Membership").objects.filter(user=owner).first()
        return str(getattr(membership, "clinic_id" if name == "clinic_id" else "pk", 0))
    if name == "invitation_id":
        return "0"
    # A clinician's patient (FHIR's Patient/{id} too): someone a consent of their clinic covers.
    if name in ("person_id", "id"):
        consents = apps.get_model("clinic.Consent").objects
        consent = consents.filter(clinic__memberships__user=owner).first() if owner else None
        return str(consent.owner_id if consent else getattr(owner, "pk", 0))
    if name == "photo_id":
        model = apps.get_model("skin.Photo")
        row = model.objects.filter(session__owner=owner).order_by("-pk").first()
        return str(row.pk if row else 0)
    if name in ROWS:
        model = apps.get_model(ROWS[name])
        row = model.objects.filter(owner=owner).order_by("-pk").first() if owner else None
        return str(row.pk if row else 0)
    return FIXED[name]


# Query strings that make a page show (and once, record) more than its bare form.
QUERIES = {"checkins:crisis": "?response={response_id}"}


def _path(name: str, route: str, names: list[str], owner: User | None) -> str:
    path = route
    for argument in names:
        start = path.index("<")
        path = path[:start] + _argument(owner, argument) + path[path.index(">", start) + 1 :]
    query = QUERIES.get(name, "").format(response_id=_argument(owner, "response_id"))
    return "/" + path.lstrip("^").rstrip("$") + query


class Writes:
    """Counts the statements that are not reads, with the SQL kept for the failure message."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        words = sql.lstrip().upper()
        allowed = (
            "SELECT",
            *TRANSACTION_CONTROL,
            *(item.upper() for item in SIGN_IN_BOOKKEEPING + ACCESS_LOG),
        )
        if not words.startswith(allowed):
            self.statements.append(sql[:120])
        return execute(sql, params, many, context)


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=True):
        yield


def _personas() -> dict[str, User | None]:
    """Nobody signed in, a newcomer, one just over their limit, a person one week in, the
    demo's every feature, and a clinician the demo person shares with."""
    newcomer = User.objects.create_user("new@example.org", "pw-newcomer-1")
    # Over the daily limit just now: the rules have not looked at this dose yet.
    over = User.objects.create_user("over@example.org", "pw-over-limit-1")
    goal_save(owner=over, fields={"max_g_per_day": Decimal(3)})
    dose_create(owner=over, amount=Decimal(5))
    first_week = User.objects.get(email=create_first_week(password="pw-first-week-1"))
    demo_email, _ = create_demo(password="pw-demo-12345")
    demo = User.objects.get(email=demo_email)
    # Someone else read the demo's journal, so the access log page lists a row.
    record_access(actor=newcomer, owner=demo, data_classes=["journal"], kind="page", route="t")
    # An admin of a clinic the demo person shares everything with.
    clinician = clinic_create(name="Riverside", admin_email="lee@clinic.example").admin
    _, code = patient_invitation_create(clinician=clinician)
    consent_sign(
        owner=demo,
        invitation_code=code,
        data_classes=list(ALL),
        expires_on=None,
        signature="Demo Person",
    )
    return {
        "anonymous": None,
        "newcomer": newcomer,
        "over_the_limit": over,
        "first_week": first_week,
        "demo": demo,
        "clinician": clinician,
    }


def _clients(owner: User | None) -> tuple[Client, ApiClient]:
    from stepdown.accounts.services import token_create

    web = Client()
    if owner is None:
        return web, ApiClient(None)
    web.force_login(owner)
    if owner.mfa_required:  # a clinician who has passed the second factor
        return verified_web(owner, web), verified_api(owner)
    _, secret = token_create(owner=owner, name="no-writes")
    return web, ApiClient(secret)


def test_no_get_writes_a_row() -> None:
    routes = _routes()
    assert len(routes) > 100  # the walk found the site, the API and the accounts pages
    offenders: dict[str, list[str]] = {}
    for persona, owner in _personas().items():
        web, api = _clients(owner)
        for name, route, names in routes:
            path = _path(name, route, names, owner)
            client = api.client if path.startswith("/api/") else web
            headers = api.headers if path.startswith("/api/") else {}
            watch = Writes()
            with connection.execute_wrapper(watch):
                response = client.get(path, headers=headers)
            assert response.status_code < 500, (persona, path)
            if watch.statements and name not in EXEMPT:
                offenders[f"{persona} GET {path} ({name})"] = watch.statements
    assert offenders == {}, "\n".join(f"{k}: {v}" for k, v in offenders.items())


def test_the_exemptions_name_real_routes() -> None:
    names = {name for name, _, _ in _routes()}
    assert names >= EXEMPT
