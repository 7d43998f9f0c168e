"""Production refuses what would leak (docs/security.md): console email, plain HTTP
without saying so, world-readable data files; a bad Host header logs one line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.config.test_settings import _clean_environment

PRODUCTION = {
    "STEPDOWN_ENV": "production",
    "SECRET_KEY": "k" * 10 + "9f3Jq2LxV7pR0sT4wY8zB1nM5cH6dG2aE3uK7iO0" + "Zx-_!",
    "ALLOWED_HOSTS": "stepdown.example.org",
    "STEPDOWN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def _python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environment = _clean_environment() | {"DJANGO_SETTINGS_MODULE": "stepdown.config.settings"}
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environment | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


SETUP = "import django; django.setup(); print('started')"


def test_production_refuses_the_console_email_backend(tmp_path: Path) -> None:
    for backend in ("", "django.core.mail.backends.console.EmailBackend"):
        env = PRODUCTION | {"STEPDOWN_DATA_DIR": str(tmp_path), "STEPDOWN_EMAIL_BACKEND": backend}
        result = _python(SETUP, env)
        assert result.returncode != 0
        assert "STEPDOWN_EMAIL_BACKEND" in result.stderr.splitlines()[-1]


def test_production_accepts_smtp_file_or_no_email(tmp_path: Path) -> None:
    for backend in ("smtp", "filebased", "dummy"):
        env = PRODUCTION | {
            "STEPDOWN_DATA_DIR": str(tmp_path),
            "STEPDOWN_EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend",
        }
        assert _python(SETUP, env).stdout.strip() == "started"


def test_plain_http_in_production_needs_tls_elsewhere_and_warns(tmp_path: Path) -> None:
    env = PRODUCTION | {"STEPDOWN_DATA_DIR": str(tmp_path), "STEPDOWN_HTTPS": "false"}
    refused = _python(SETUP, env)
    assert refused.returncode != 0
    assert "STEPDOWN_TLS_TERMINATED_ELSEWHERE" in refused.stderr.splitlines()[-1]
    allowed = _python(SETUP, env | {"STEPDOWN_TLS_TERMINATED_ELSEWHERE": "true"})
    assert allowed.stdout.strip() == "started"
    warnings = [line for line in allowed.stderr.splitlines() if "STEPDOWN_HTTPS is off" in line]
    assert len(warnings) == 1


def test_a_new_install_is_private(tmp_path: Path) -> None:
    data = tmp_path / "stepdown"
    # The WAL and SHM files exist while a connection is open: look at them from inside.
    code = SETUP + (
        "; import os, stat; from django.conf import settings; from django.db import connection"
        "; connection.cursor().execute('create table t (x)')"
        "; print(sorted((p.name, oct(stat.S_IMODE(p.stat().st_mode)))"
        " for p in settings.DATA_DIR.iterdir()))"
    )
    result = _python(code, {"STEPDOWN_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    modes = dict(eval(result.stdout.splitlines()[-1]))  # noqa: S307  (our own printed list)
    names = ("secret_key", "stepdown.sqlite3", "stepdown.sqlite3-shm", "stepdown.sqlite3-wal")
    assert modes == dict.fromkeys(names, "0o600")
    # Nothing to fix, so nothing said.
    assert "readable by its own account only" not in result.stderr


def test_an_existing_world_readable_install_is_fixed_with_one_line(tmp_path: Path) -> None:
    data = tmp_path / "stepdown"
    data.mkdir()
    for name in ("stepdown.sqlite3", "stepdown.sqlite3-wal", "stepdown.sqlite3-shm"):
        (data / name).touch(mode=0o644)
        os.chmod(data / name, 0o644)
    os.chmod(data, 0o755)  # noqa: S103  (the old, too open mode under test)
    result = _python(SETUP, {"STEPDOWN_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for name in ("stepdown.sqlite3", "stepdown.sqlite3-wal", "stepdown.sqlite3-shm"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name
    said = [line for line in result.stderr.splitlines() if "readable by its own account" in line]
    assert len(said) == 1


def test_a_bad_host_header_logs_one_line_not_a_traceback(tmp_path: Path) -> None:
    code = SETUP + (
        "; from django.test import Client"
        "; c = Client(HTTP_HOST='evil.example')"
        "; print([c.get('/account/login/').status_code for _ in range(3)])"
    )
    result = _python(code, {"STEPDOWN_DATA_DIR": str(tmp_path), "STEPDOWN_ENV": "local"})
    assert "[400, 400, 400]" in result.stdout
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "Invalid HTTP_HOST" in line]
    assert len(lines) == 3
    assert len(result.stderr.strip().splitlines()) == 3


def test_healthz_answers_over_plain_http_in_production(tmp_path: Path) -> None:
    code = SETUP + (
        "; from django.test import Client"
        "; c = Client(HTTP_HOST='stepdown.example.org')"
        "; print(c.get('/healthz').status_code, c.get('/account/login/').status_code)"
    )
    result = _python(code, PRODUCTION | {"STEPDOWN_DATA_DIR": str(tmp_path)})
    assert result.stdout.split() == ["started", "200", "301"], result.stderr


def test_healthz_answers_a_load_balancer_that_asks_by_ip_address(tmp_path: Path) -> None:
    # A health check by the server's own address carries a Host that ALLOWED_HOSTS refuses.
    code = SETUP + (
        "; from django.test import Client"
        "; c = Client(HTTP_HOST='10.0.0.5:8000')"
        "; print(c.get('/healthz').status_code, c.get('/account/login/').status_code)"
    )
    result = _python(code, PRODUCTION | {"STEPDOWN_DATA_DIR": str(tmp_path)})
    assert result.stdout.split()[-2:] == ["200", "400"], result.stderr
