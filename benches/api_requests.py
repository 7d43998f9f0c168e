"""In-process API benchmark: the CPU one request of the load probe costs in our Python.

The load probe (verify/load.py) sends 70 % ``POST /api/v1/doses`` (a fresh ``client_id`` each,
the idempotency key) and 30 % ``GET /api/v1/today`` with a bearer token. This bench sends the
same requests, in the same mix and with the same headers and bodies (verify/loadclient.py),
straight to the WSGI application the server runs (``stepdown.config.wsgi``): no server, no load
client competing for the cores, so the CPU time of this process is what the app spends. The
settings are the probe's (``STEPDOWN_ENV=local``, INFO logging, real middleware and axes).

The person starts empty, as the probe's do, and ``WARMUP`` requests come first. Prints the
median and p95 CPU ms and the statements of one request for each kind. SQLite by default (a
temporary file); with ``BENCH_PG_URL=postgres://postgres@127.0.0.1:5432`` PostgreSQL, in a
database of its own made and dropped here. ``BENCH_REQUESTS=2000`` for more requests;
``BENCH_PROFILE=cumulative`` (or ``tottime``) prints a cProfile of the measured requests
instead of timing them one by one.

Run with ``.venv/bin/python benches/api_requests.py``.
"""

from __future__ import annotations

import cProfile
import gc
import io
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verify.loadclient import probe_request  # noqa: E402  (the checkout's root is on the path now)

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1000"))
WARMUP = 200
WRITE_SHARE = 0.7  # as verify/load.py
PROFILE = os.environ.get("BENCH_PROFILE", "")
CALLS_REQUESTS = 300


def _environ(method: str, path: str, token: str, body: bytes) -> dict[str, Any]:
    """What granian hands the WSGI application for the load client's request."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_AUTHORIZATION": f"Bearer {token}",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if body:
        environ["CONTENT_TYPE"] = "application/json"
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ


def _request(application: Any, token: str, write: bool) -> int:
    method, path, body = probe_request(write)
    answered: list[str] = []
    response = application(_environ(method, path, token, body), lambda s, h: answered.append(s))
    b"".join(response)
    response.close()
    return int(answered[0].split()[0])


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        if os.environ.get("BENCH_SQL"):
            print("   ", sql[:300], file=sys.stderr)
        return execute(sql, params, many, context)


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def _calls(application: Any, token: str, kinds: list[bool]) -> dict[bool, float]:
    """Python function calls per request of each kind: a count, steady on a busy machine where
    CPU time is not (it leaves out the time spent in C, such as SQLite's)."""
    profiles = {True: cProfile.Profile(), False: cProfile.Profile()}
    for write in kinds:
        profiles[write].enable()
        _request(application, token, write)
        profiles[write].disable()
    return {
        write: pstats.Stats(profile).total_calls / max(1, kinds.count(write))  # type: ignore[attr-defined]
        for write, profile in profiles.items()
    }


def _bench(database_url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="stepdown-apibench-") as data_dir:
        os.environ |= {"STEPDOWN_DATA_DIR": data_dir, "STEPDOWN_ENV": "local",
                       "STEPDOWN_LOG_LEVEL": "INFO",
                       "STEPDOWN_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
                       "DJANGO_SETTINGS_MODULE": "stepdown.config.settings"}  # fmt: skip
        if database_url:
            os.environ["DATABASE_URL"] = database_url
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from stepdown.accounts.models import User
        from stepdown.accounts.services import token_create

        call_command("migrate", verbosity=0)
        user = User.objects.create_user("api-bench@example.org")
        token = token_create(owner=user, name="bench")[1]
        from stepdown.config.wsgi import application  # freezes what is loaded, as the server

        rng = random.Random(7)
        for _ in range(WARMUP):
            assert _request(application, token, rng.random() < WRITE_SHARE) in (200, 201)
        kinds = [rng.random() < WRITE_SHARE for _ in range(REQUESTS)]
        if PROFILE:
            profile = cProfile.Profile()
            profile.enable()
            for write in kinds:
                _request(application, token, write)
            profile.disable()
            pstats.Stats(profile).sort_stats(PROFILE).print_stats(150)
            return
        queries = {}
        for write in (True, False):
            counter = _Counter()
            with connection.execute_wrapper(counter):
                _request(application, token, write)
            queries[write] = counter.count
        cpu: dict[bool, list[float]] = {True: [], False: []}
        gc.collect()
        for write in kinds:
            started = time.process_time()
            _request(application, token, write)
            cpu[write].append((time.process_time() - started) * 1000)
        calls = _calls(application, token, kinds[:CALLS_REQUESTS])
    kind = "PostgreSQL" if database_url else "SQLite"
    print(f"{kind}: CPU ms per request over {REQUESTS} requests (70 % writes), after {WARMUP}")
    for write, name in ((True, "POST /api/v1/doses"), (False, "GET /api/v1/today")):
        values = cpu[write]
        print(f"  {name:20} median {statistics.median(values):6.2f}  p95 {_p95(values):6.2f}  "
              f"mean {statistics.fmean(values):6.2f}  queries {queries[write]}  "
              f"calls {calls[write]:,.0f}")  # fmt: skip
    mean = statistics.fmean(cpu[True] + cpu[False])
    print(f"  mixed mean {mean:.2f} ms: {1000 * WRITE_SHARE / mean:.0f} writes/s per busy core")


def main() -> None:
    pg = os.environ.get("BENCH_PG_URL")
    if not pg:
        _bench(None)
        return
    import psycopg

    name = f"bench_api_{uuid.uuid4().hex[:10]}"
    admin = pg.rstrip("/") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        _bench(f"{pg.rstrip('/')}/{name}")
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin, autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
