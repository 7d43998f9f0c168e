"""In-process bench of the clinic's triage dashboard: one clinic, 1,000 people, a year each.

Generates (with ``bulk_create``, in a temporary SQLite database, or the PostgreSQL database
named by ``DATABASE_URL``) one clinic whose admin is the measured clinician, and
``BENCH_PEOPLE`` people (default 1,000) who each signed a consent for the journal, plan and
check-ins, with ``BENCH_DAYS`` days (default 365) of two doses and one withdrawal diary a day,
and an open alert on every tenth. Then renders the dashboard's first page (``/clinic/``) and its
API (``GET /api/v1/clinic/patients``) with Django's test client, after a warm-up, and prints the
median and p95 (wall and CPU time) and the queries of one render: first with every person worked
out on the request (no stored summaries), then from the summaries the worker stores
(``clinic.triage_store``); then one person's patient page and its API against their year.

Run: ``.venv/bin/python benches/clinic.py`` (``BENCH_RENDERS=50`` for more renders). Figures
go to docs/performance.md ("The clinic dashboard").
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEOPLE = int(os.environ.get("BENCH_PEOPLE", "1000"))
DAYS = int(os.environ.get("BENCH_DAYS", "365"))
RENDERS = int(os.environ.get("BENCH_RENDERS", "30"))
WARMUP = 3
BATCH = 5000
CLINICIAN_EMAIL = "clinician@bench.example"


def generate() -> Any:
    """The clinic, its admin (with a confirmed authenticator) and the people; returns the admin."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from stepdown.accounts.models import User
    from stepdown.alerts.models import Alert
    from stepdown.checkins.models import Response
    from stepdown.clinic.models import Consent
    from stepdown.clinic.services import clinic_create
    from stepdown.journal.models import Dose

    created = clinic_create(name="Bench Clinic", admin_email=CLINICIAN_EMAIL)
    admin = created.admin
    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    now = timezone.now()
    joined = now - dt.timedelta(days=DAYS + 1)
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"person{n:04d}@bench.example",
                password=password,
                time_zone="America/Chicago",
                # People join a clinic over time, not all on one day.
                date_joined=joined - dt.timedelta(days=n % 365),
            )
            for n in range(PEOPLE)
        ],
        batch_size=BATCH,
    )
    people = list(User.objects.filter(email__endswith="@bench.example").exclude(pk=admin.pk))
    Consent.objects.bulk_create(
        [
            Consent(
                owner=person,
                clinic=created.clinic,
                data_classes=["journal", "plan", "checkins"],
                expiry_event="when I revoke it",
                signature=f"Bench Person {n:04d}",
                signed_at=joined,
            )
            for n, person in enumerate(people)
        ],
        batch_size=BATCH,
    )
    doses: list[Dose] = []
    responses: list[Response] = []
    for person in people:
        for back in range(DAYS):
            morning = now - dt.timedelta(days=back, hours=10)
            for hours in (0, 8):
                grams = Decimal(4)
                doses.append(
                    Dose(
                        owner=person,
                        taken_at=morning + dt.timedelta(hours=hours),
                        amount=grams,
                        grams=grams,
                    )
                )
            responses.append(
                Response(
                    owner=person,
                    instrument="withdrawal",
                    version="1",
                    local_date=morning.date(),
                    total=6,
                    created_at=morning,
                )
            )
        if len(doses) >= 20 * BATCH:
            Dose.objects.bulk_create(doses, batch_size=BATCH)
            Response.objects.bulk_create(responses, batch_size=BATCH)
            doses, responses = [], []
    Dose.objects.bulk_create(doses, batch_size=BATCH)
    Response.objects.bulk_create(responses, batch_size=BATCH)
    Alert.objects.bulk_create(
        [
            Alert(
                owner=person,
                code="severe_withdrawal",
                severity="high",
                title="Withdrawal looks severe",
                explanation="(bench)",
                action="(bench)",
                source="SeedRisk",
                learn_slug="withdrawal",
                cause_key=f"bench:{n}",
            )
            for n, person in enumerate(people)
            if n % 10 == 0
        ],
        batch_size=BATCH,
    )
    return admin


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def _like_the_server() -> None:
    """Leave what is loaded out of the collector's reach, as ``config/wsgi.py`` does in the
    server: otherwise a full collection over the generated rows' leftovers and Django's import
    graph lands in a render and in the p95 (docs/performance.md)."""
    gc.collect()
    gc.freeze()


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _measure(get: Any) -> dict[str, float]:
    from django.db import connection

    for _ in range(WARMUP):
        assert get().status_code == 200
    counter = _Counter()
    with connection.execute_wrapper(counter):
        get()
    wall, cpu = [], []
    for _ in range(RENDERS):
        started, started_cpu = time.perf_counter(), time.process_time()
        get()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": statistics.median(wall),
        "p95_ms": _p95(wall),
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": _p95(cpu),
        "queries": float(counter.count),
    }


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="stepdown-clinic-") as data_dir:
        os.environ["STEPDOWN_DATA_DIR"] = data_dir
        os.environ["DJANGO_SETTINGS_MODULE"] = "benches.settings"
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django_otp import DEVICE_ID_SESSION_KEY

        from stepdown.accounts.services import token_create

        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        admin = generate()
        took = time.perf_counter() - started
        print(f"{connection.vendor}: {PEOPLE} people x {DAYS} days generated in {took:.0f} s")
        client = Client()
        client.force_login(admin)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = admin.totpdevice_set.get().persistent_id
        session.save()
        _, secret = token_create(owner=admin, name="bench", mfa_verified=True)
        auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
        from stepdown.clinic.triage_store import refresh_summaries

        def api() -> Any:
            return Client().get("/api/v1/clinic/patients", **auth)

        _like_the_server()

        # Without stored summaries (no worker, or the first minute of a local day), then as the
        # worker keeps them.
        results = {
            "/clinic/ worked out": _measure(lambda: client.get("/clinic/")),
            "/api/v1/... worked out": _measure(api),
        }
        started = time.perf_counter()
        stored = refresh_summaries()
        took = time.perf_counter() - started
        print(f"{stored} summaries stored in {took:.1f} s")
        _like_the_server()
        results["/clinic/ stored"] = _measure(lambda: client.get("/clinic/"))
        results["/api/v1/... stored"] = _measure(api)
        # One person's page and API against their year of history (each opening is logged).
        person = admin.__class__.objects.get(email="person0000@bench.example").pk
        page = f"/clinic/patients/{person}/"
        results["patient page"] = _measure(lambda: client.get(page))
        results["patient API"] = _measure(
            lambda: Client().get(f"/api/v1/clinic/patients/{person}", **auth)
        )
    head = f"{'first page / patient':26} {'median':>7} {'p95':>7} {'cpu med':>8} {'cpu p95':>8}"
    print(f"{head} queries")
    for path, figures in results.items():
        print(
            f"{path:26} {figures['median_ms']:7.1f} {figures['p95_ms']:7.1f} "
            f"{figures['cpu_median_ms']:8.1f} {figures['cpu_p95_ms']:8.1f} "
            f"{figures['queries']:7.0f}"
        )


if __name__ == "__main__":
    main()
