"""`stepdown password-reset` and `stepdown serve`'s start-up lines."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from tests.config.test_settings import _clean_environment
from typer.testing import CliRunner

from stepdown.cli import app

runner = CliRunner()


@pytest.mark.django_db
def test_password_reset_prints_a_one_time_link(person: Any) -> None:
    result = runner.invoke(
        app, ["password-reset", person.email, "--site-url", "http://192.168.1.20:8000"]
    )
    assert result.exit_code == 0, result.output
    link = result.stdout.strip().splitlines()[-1]
    assert link.startswith("http://192.168.1.20:8000/account/password/reset/")
    client = Client()
    form = client.get(link.split(":8000", 1)[1], follow=True)
    assert b"Choose a new password" in form.content
    set_url = form.redirect_chain[-1][0]
    new = "brand-new-phrase-42"
    assert client.post(set_url, {"new_password1": new, "new_password2": new}).status_code == 302
    person.refresh_from_db()
    assert person.check_password(new)
    again = Client().get(link.split(":8000", 1)[1], follow=True)
    assert b"no longer works" in again.content


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_is_one_line() -> None:
    result = runner.invoke(app, ["password-reset", "ghost@example.org"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "stepdown: no active account with the email ghost@example.org"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(port: int, data: Path) -> subprocess.Popen[str]:
    env = _clean_environment() | {"STEPDOWN_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "stepdown", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_serve_refuses_a_port_in_use_naming_it(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        process = _serve(port, tmp_path)
        out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert err.strip().splitlines() == [
        f"stepdown: port {port} is already in use (is Stepdown running?); try --port"
    ]
    assert "running" not in out


def test_serve_says_where_the_database_is_and_that_it_is_being_prepared(tmp_path: Path) -> None:
    port = _free_port()
    process = _serve(port, tmp_path)
    assert process.stdout is not None
    try:
        lines = [process.stdout.readline().strip() for _ in range(4)]
    finally:
        process.terminate()
        process.wait(timeout=60)
    assert lines[0] == f"Database: SQLite file {tmp_path / 'stepdown.sqlite3'}"
    assert lines[1].startswith("Preparing the database (")
    assert lines[2] == "Cache: in memory, one per server process"  # no STEPDOWN_CACHE_URL
    assert lines[3].startswith(f"Stepdown is running at http://127.0.0.1:{port}/")


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_serve_runs_the_worker_beside_it_and_stops_both(tmp_path: Path) -> None:
    # Photos are measured by the worker: `make run` alone must measure them (regression).
    port = _free_port()
    process = _serve(port, tmp_path)
    assert process.stdout is not None
    try:
        for _ in range(3):
            process.stdout.readline()
        deadline = time.monotonic() + 60
        children: list[int] = []
        while time.monotonic() < deadline and len(children) < 2:
            children = _children(process.pid)
            time.sleep(0.2)
        commands = [_command(child) for child in children]
        assert any(" stepdown worker " in f" {command} " for command in commands), commands
        assert any("granian" in command for command in commands), commands
    finally:
        process.terminate()
        process.wait(timeout=60)
    assert all(not Path(f"/proc/{child}").exists() for child in children)


def _processes_on(port: int) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = _command(int(entry.name))
            except OSError:
                continue
            if f"--port {port} " in command or f"127.0.0.1:{port}" in command:
                found.append(command)
    return found


def test_serve_stopped_right_after_it_says_running_leaves_no_process(tmp_path: Path) -> None:
    # Regression: a SIGTERM just after the "running" line, before the stop handler was set,
    # left the worker and granian running without their parent.
    port = _free_port()
    process = _serve(port, tmp_path)
    assert process.stdout is not None
    for _ in range(3):
        process.stdout.readline()
    process.terminate()
    process.wait(timeout=60)
    deadline = time.monotonic() + 15
    while _processes_on(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_on(port) == []


@pytest.mark.django_db
def test_mfa_reset_removes_a_lost_authenticator(clinician: Any) -> None:
    from stepdown.accounts.mfa import has_confirmed_device

    result = runner.invoke(app, ["mfa-reset", clinician.email.upper()])
    assert result.exit_code == 0, result.output
    assert not has_confirmed_device(clinician)
    unknown = runner.invoke(app, ["mfa-reset", "ghost@example.org"])
    assert unknown.exit_code != 0
    assert len(unknown.output.strip().splitlines()) == 1
