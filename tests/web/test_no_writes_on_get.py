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
from django.db import connection
from django.test import Client
from tests.api_client import ApiClient
from tests.mfa_helpers import verified_api, verified_web
from tests.route_paths import named_routes, path_for

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
    routes = named_routes()
    assert len(routes) > 100  # the walk found the site, the API and the accounts pages
    offenders: dict[str, list[str]] = {}
    for persona, owner in _personas().items():
        web, api = _clients(owner)
        for name, route, names in routes:
            path = path_for(name, route, names, owner)
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
    names = {name for name, _, _ in named_routes()}
    assert names >= EXEMPT
