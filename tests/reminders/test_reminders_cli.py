"""``stepdown worker``: one round from the command line, and a bad address refused in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from tests.reminders.conftest import DB_TASKS, EVENING, SITE, set_preferences
from typer.testing import CliRunner

from stepdown.cli import app

# Transactional: db_worker calls close_old_connections(), which closes a connection that is
# inside a test's wrapping transaction (on PostgreSQL), as it would a broken one.
pytestmark = pytest.mark.django_db(transaction=True)

runner = CliRunner()


def test_worker_once_sends_the_due_reminder_and_exits(sam: Any) -> None:
    set_preferences(sam)
    with override_settings(TASKS=DB_TASKS), time_machine.travel(EVENING, tick=False):
        result = runner.invoke(app, ["worker", "--once", "--site-url", f"{SITE}/"])
        again = runner.invoke(app, ["worker", "--once", "--site-url", SITE])
    assert result.exit_code == 0, result.output
    assert "1 reminder email(s) queued" in result.output
    assert again.exit_code == 0, again.output
    assert "0 reminder email(s) queued" in again.output
    [message] = mail.outbox
    # The trailing slash of --site-url is dropped, so links have exactly one.
    assert f"{SITE}/reminders/unsubscribe/" in message.body
    assert f"{SITE}//" not in message.body


@pytest.mark.parametrize("url", ["ftp://example.org", "example.org", "https://x.org/?a=1"])
def test_a_bad_site_url_is_one_line_and_exit_2(url: str) -> None:
    result = runner.invoke(app, ["worker", "--once", "--site-url", url])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith("stepdown: --site-url:")


def test_in_production_the_worker_needs_the_public_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("STEPDOWN_SITE_URL", raising=False)
    monkeypatch.setenv("STEPDOWN_ENV", "production")
    result = runner.invoke(app, ["worker", "--once"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "STEPDOWN_SITE_URL" in result.output


def test_the_address_can_come_from_the_environment(
    sam: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEPDOWN_SITE_URL", "https://stepdown.example.org/")
    set_preferences(sam)
    with override_settings(TASKS=DB_TASKS), time_machine.travel(EVENING, tick=False):
        result = runner.invoke(app, ["worker", "--once"])
    assert result.exit_code == 0, result.output
    [message] = mail.outbox
    assert "https://stepdown.example.org/reminders/unsubscribe/" in message.body


def _clean_environment(data_dir: Path) -> dict[str, str]:
    """What a fresh shell has, with its own data directory (no test settings leak in)."""
    keep = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}
    return keep | {"STEPDOWN_DATA_DIR": str(data_dir)}


def test_worker_once_runs_in_a_fresh_process_on_a_new_database(tmp_path: Path) -> None:
    # A real process: settings from the environment, migrations applied, the database queue
    # drained, exit 0. (In-process tests share an already configured Django.)
    result = subprocess.run(
        [sys.executable, "-m", "stepdown.cli", "worker", "--once"],
        env=_clean_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0 reminder email(s) queued" in result.stdout


def test_a_bad_site_url_fails_before_django_loads(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stepdown.cli", "worker", "--once", "--site-url", "nowhere"],
        env=_clean_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "stepdown.sqlite3").exists()  # nothing was set up
