"""A throw-away Stepdown instance: a data directory of its own and, for PostgreSQL, a database
created for the run and dropped after it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres"
SQLITE, POSTGRES = "SQLite", "PostgreSQL"


@dataclass
class Instance:
    kind: str  # SQLITE or POSTGRES
    data_dir: Path
    database_url: str | None
    log: Path  # every server's output of the whole run goes here (the logs probe reads it)
    env: dict[str, str] = field(default_factory=dict)
    # Seconds spent on set-up by kind (migrations, set-up steps, server starts): where the
    # run's minutes go besides the measurements themselves.
    spent: dict[str, float] = field(default_factory=dict)
    # What the set-up step made for the probes (verify/people.py): people by prefix, the world.
    prepared: dict[str, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def people(self, prefix: str, count: int) -> list[dict[str, str]]:
        """``count`` people with API tokens: made at set-up when the run asked for them, else
        now, in a set-up step of their own."""
        made = self.prepared.get("people", {}).get(prefix)
        if made is None or len(made) < count:
            made = self.set_up({"people": {prefix: count}})["people"][prefix]
        assert isinstance(made, list)
        return made[:count]

    def world(self) -> dict[str, str]:
        """API tokens of the route matrix's world (verify/fuzz_world.py), built once."""
        if self.prepared.get("world") is None:
            self.prepared["world"] = self.set_up({"world": True})["world"]
        world: dict[str, str] = self.prepared["world"]
        return world

    def set_up(self, asked: dict[str, Any]) -> dict[str, Any]:
        made = self.module("verify.people", asked)
        assert isinstance(made, dict)
        return made

    def spend(self, kind: str, seconds: float) -> None:
        with self._lock:
            self.spent[kind] = self.spent.get(kind, 0.0) + seconds

    def python(self, code: str, *, stdin: str = "") -> str:
        """Run ``code`` in a Python process with this instance's settings; its stdout."""
        began = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", code], env=self.env, input=stdin, text=True,
            capture_output=True, check=False, timeout=600,
        )  # fmt: skip
        self.spend("set-up steps", time.monotonic() - began)
        with self.log.open("a") as log:
            log.write(done.stderr)
        if done.returncode != 0:
            raise RuntimeError(f"setup step failed on {self.kind}:\n{done.stderr[-2000:]}")
        return done.stdout

    def module(self, name: str, payload: object = None) -> object:
        """Run ``python -m name`` with JSON in and out (the database checks, the set-up)."""
        code = f"import runpy; runpy.run_module({name!r}, run_name='__main__')"
        return json.loads(self.python(code, stdin=json.dumps(payload)).strip().splitlines()[-1])


def base_env(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STEPDOWN_", "DATABASE_URL", "PYTEST", "DJANGO_"))
    }
    env |= {
        "STEPDOWN_DATA_DIR": str(data_dir),
        "STEPDOWN_ENV": "local",
        # INFO, not the default WARNING: the logs probe reads what a verbose server would write.
        "STEPDOWN_LOG_LEVEL": "INFO",
        # Mail to nowhere, not local settings' console backend, which prints every email whole
        # (invitation links and addresses) by design: that is mail, not the log the logs probe
        # reads, and production refuses it. The app behaves the same: neither counts as a mail
        # server (settings.MAIL_CONFIGURED).
        "STEPDOWN_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PYTHONPATH": f"{ROOT}:{ROOT / 'src'}",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def server_url(database_url: str, name: str) -> str:
    parts = urlsplit(database_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


def _admin(database_url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(server_url(database_url, "postgres"), autocommit=True) as connection:
        connection.execute(statement)


@contextlib.contextmanager
def instance(
    kind: str,
    log: Path,
    *,
    migrate: bool = True,
    people: dict[str, int] | None = None,
    world: bool = False,
) -> Iterator[Instance]:
    """With ``migrate``, one set-up step makes the schema and every probe's ``people`` (by
    prefix) and, with ``world``, schemathesis's world; without, the database stays empty (a
    restore's target)."""
    data_dir = Path(tempfile.mkdtemp(prefix="stepdown-verify-"))
    database_url = None
    name = f"verify_{uuid.uuid4().hex[:12]}"
    pg = os.environ.get("VERIFY_DATABASE_URL", DEFAULT_PG)
    try:
        if kind == POSTGRES:
            _admin(pg, f'CREATE DATABASE "{name}"')
            database_url = server_url(pg, name)
        made = Instance(kind, data_dir, database_url, log, base_env(data_dir, database_url))
        if migrate:
            began = time.monotonic()
            made.prepared = made.set_up({"migrate": True, "people": people or {}, "world": world})
            made.spent = {"migrations and people": time.monotonic() - began}
        yield made
    finally:
        if database_url:
            _admin(pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(data_dir, ignore_errors=True)
