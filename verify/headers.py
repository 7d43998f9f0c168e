"""Headers and cookies probe: a server with production settings (HTTPS as a TLS-terminating proxy
would announce it, X-Forwarded-Proto), every kind of answer checked for the OWASP header set,
``no-store`` and cookie flags; and ``manage.py check --deploy`` with the same settings."""

from __future__ import annotations

import http.client
import re
import secrets
import subprocess
import sys
from typing import Any
from urllib.parse import urlencode

from verify.client import request
from verify.figures import Measured
from verify.instance import Instance
from verify.server import serving

HTTPS = {"X-Forwarded-Proto": "https"}
COOKIE_FLAGS = ("secure", "httponly", "samesite=")


def production_env(instance: Instance) -> dict[str, str]:
    return instance.env | {
        "STEPDOWN_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STEPDOWN_BEHIND_PROXY": "true",
        "STEPDOWN_SITE_URL": "https://127.0.0.1",
        "STEPDOWN_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


def missing_headers(headers: http.client.HTTPMessage) -> list[str]:
    """What an answer lacks of the OWASP set (OWASP Secure Headers Project) and no-store."""
    csp = headers.get("Content-Security-Policy", "")
    want = {
        "CSP without unsafe-inline": bool(csp) and "unsafe-inline" not in csp,
        "CSP frame-ancestors 'none'": "frame-ancestors 'none'" in csp,
        "X-Frame-Options DENY": headers.get("X-Frame-Options") == "DENY",
        "nosniff": headers.get("X-Content-Type-Options") == "nosniff",
        "Referrer-Policy": bool(headers.get("Referrer-Policy")),
        "COOP same-origin": headers.get("Cross-Origin-Opener-Policy") == "same-origin",
        "Permissions-Policy": bool(headers.get("Permissions-Policy")),
        "HSTS ≥ 1 year": _hsts(headers.get("Strict-Transport-Security", "")) >= 31_536_000,
        "no-store": "no-store" in headers.get("Cache-Control", ""),
    }
    return [name for name, ok in want.items() if not ok]


def _hsts(value: str) -> int:
    found = re.search(r"max-age=(\d+)", value)
    return int(found.group(1)) if found else 0


def weak_cookies(headers: http.client.HTTPMessage) -> list[str]:
    weak = []
    for cookie in headers.get_all("Set-Cookie") or []:
        flags = cookie.lower()
        name = cookie.split("=", 1)[0]
        weak += [f"{name} lacks {f.rstrip('=')}" for f in COOKIE_FLAGS if f not in flags]
    return weak


def _cookies(headers: http.client.HTTPMessage, jar: dict[str, str]) -> None:
    for cookie in headers.get_all("Set-Cookie") or []:
        name, value = cookie.split(";", 1)[0].split("=", 1)
        jar[name] = value


def _header(jar: dict[str, str]) -> dict[str, str]:
    return HTTPS | {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}


def _answers(url: str, email: str, password: str, token: str) -> list[tuple[str, Any]]:
    """(page type, headers) for each kind of answer the app gives."""
    got: list[tuple[str, Any]] = []
    jar: dict[str, str] = {}

    def get(kind: str, path: str, **kwargs: Any) -> Any:
        status, body, headers = request(url, "GET", path, headers=_header(jar), **kwargs)
        _cookies(headers, jar)
        got.append((f"{kind} ({status})", headers))
        return body

    page = get("public page, sign-in form", "/account/login/").decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert csrf is not None, "no CSRF field on the sign-in page"
    origin = f"https://{url.removeprefix('http://')}"
    form = {"username": email, "password": password, "csrfmiddlewaretoken": csrf.group(1)}
    post_headers = _header(jar) | {
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"{origin}/account/login/",
        "Origin": origin,
    }
    for kind, sent in (("refused sign-in form", form | {"password": "wrong-one"}),
                       ("sign-in redirect", form)):  # fmt: skip
        status, _, headers = request(url, "POST", "/account/login/", headers=post_headers,
                                     raw=urlencode(sent).encode())  # fmt: skip
        _cookies(headers, jar)
        got.append((f"{kind} ({status})", headers))
    assert "sessionid" in jar, "the probe could not sign in"
    reset = get("password reset form", "/account/password/reset/").decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', reset)
    assert csrf is not None, "no CSRF field on the reset page"
    status, _, headers = request(
        url, "POST", "/account/password/reset/", headers=post_headers | _header(jar),
        raw=urlencode({"email": email, "csrfmiddlewaretoken": csrf.group(1)}).encode(),
    )  # fmt: skip
    got.append((f"reset requested ({status})", headers))
    get("signed-in page", "/today/")
    get("signed-in page with a form", "/doses/")
    get("signed-in settings", "/account/settings/")
    get("page not found", "/no-such-page/")
    get("admin sign-in", "/admin/login/")
    for kind, path in (("API answer", "/api/v1/today"), ("API 404", "/api/v1/doses/999999"),
                       ("API without a token", "/api/v1/doses")):  # fmt: skip
        sent = HTTPS | ({"Authorization": f"Bearer {token}"} if "without" not in kind else {})
        status, _, answer = request(url, "GET", path, headers=sent)
        got.append((f"{kind} ({status})", answer))
    status, _, answer = request(url, "GET", "/today/", headers=HTTPS)
    got.append((f"signed-out redirect ({status})", answer))
    return got


def _deploy_check(env: dict[str, str]) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy"],
        env=env | {"DJANGO_SETTINGS_MODULE": "stepdown.config.settings"},
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    output = done.stdout + done.stderr
    if "no issues" in output:
        return 0, output
    found = re.search(r"identified (\d+) issue", output)
    return (int(found.group(1)) if found else -1), output


def run(instance: Instance) -> tuple[list[Measured], str]:
    env = production_env(instance)
    person = instance.people("headers", 1)[0]
    with serving(instance, env=env) as server:
        answers = _answers(server.url, person["email"], person["password"], person["token"])
    problems = {kind: missing_headers(h) + weak_cookies(h) for kind, h in answers}
    problems = {kind: p for kind, p in problems.items() if p}
    cookies = sum(len(h.get_all("Set-Cookie") or []) for _, h in answers)
    warnings, output = _deploy_check(env)
    met = not problems and warnings == 0 and cookies >= 2
    value = (
        f"{len(answers) - len(problems)} of {len(answers)} answer kinds with every header; "
        f"{cookies} cookies set, weak: {sum('lacks' in x for p in problems.values() for x in p)}; "
        f"check --deploy: {warnings} warnings"
    )
    detail = f"headers {instance.kind}: {value}\n  " + "\n  ".join(
        f"{kind}: {', '.join(p)}" for kind, p in problems.items()
    )
    if warnings:
        detail += "\n" + output[-2000:]
    return [Measured("headers", instance.kind, value, met)], detail
