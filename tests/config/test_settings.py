"""Settings come from the environment, are all documented, and fail loudly when wrong."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _documented() -> set[str]:
    text = (ROOT / ".env.example").read_text()
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.MULTILINE))


def test_every_setting_read_from_the_environment_is_in_env_example() -> None:
    from stepdown.config import env

    assert env.READ, "settings should have read some variables"
    missing = env.READ - _documented()
    assert not missing, f"undocumented settings: {sorted(missing)}"


def _clean_environment() -> dict[str, str]:
    """Only what a fresh shell has: no test-run settings leak into the checked process."""
    return {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}


def _run_check(extra_env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    environment = _clean_environment()
    environment |= {"DJANGO_SETTINGS_MODULE": "stepdown.config.settings", **extra_env}
    return subprocess.run(
        [sys.executable, "-m", "django", "check", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("STEPDOWN_OPEN_SIGNUP", "perhaps"),
        ("STEPDOWN_SESSION_IDLE_MINUTES", "soon"),
        ("STEPDOWN_SESSION_IDLE_MINUTES", "0"),
        ("STEPDOWN_ENV", "staging"),
        ("DATABASE_URL", "mysql://localhost/x"),
        ("STEPDOWN_CACHE_URL", "memcached://localhost:11211"),
        ("EMAIL_PORT", "twenty-five"),
    ],
)
def test_bad_values_fail_at_start_naming_the_variable(
    name: str, value: str, tmp_path: Path
) -> None:
    result = _run_check({name: value, "STEPDOWN_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert name in result.stderr


def test_the_cli_reports_a_bad_setting_in_one_line(tmp_path: Path) -> None:
    environment = _clean_environment()
    environment |= {"STEPDOWN_DATA_DIR": str(tmp_path), "STEPDOWN_OPEN_SIGNUP": "perhaps"}
    result = subprocess.run(
        [sys.executable, "-m", "stepdown.cli", "today"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "STEPDOWN_OPEN_SIGNUP" in result.stderr


def test_production_requires_a_secret_key(tmp_path: Path) -> None:
    result = _run_check(
        {"STEPDOWN_ENV": "production", "ALLOWED_HOSTS": "x.org", "STEPDOWN_DATA_DIR": str(tmp_path)}
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path: Path) -> None:
    result = _run_check(
        {
            "STEPDOWN_ENV": "production",
            "SECRET_KEY": "k" * 10 + "9f3Jq2LxV7pR0sT4wY8zB1nM5cH6dG2aE3uK7iO0" + "Zx-_!",
            "ALLOWED_HOSTS": "stepdown.example.org",
            "STEPDOWN_DATA_DIR": str(tmp_path),
            "STEPDOWN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
