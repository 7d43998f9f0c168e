"""Signing out and revoking a token take effect at once on every server process:
two real servers on one SQLite file, as `stepdown serve --workers 2` runs."""

from __future__ import annotations

import http.cookiejar
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from tests.config.test_settings import _clean_environment
from tests.conftest import PASSWORD
from tests.servers import running_servers

SETUP = f"""
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from stepdown.accounts.models import User
from stepdown.accounts.services import token_create
user = User.objects.create_user("sam@example.org", {PASSWORD!r})
print(token_create(owner=user, name="script")[1])
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    data = tmp_path_factory.mktemp("two-workers")
    env = _clean_environment() | {
        "DJANGO_SETTINGS_MODULE": "stepdown.config.settings",
        "STEPDOWN_DATA_DIR": str(data),
    }
    made = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, timeout=300
    )
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1]
    with running_servers(env, 2) as urls:
        yield {"urls": urls, "token": token}


class Browser:
    """One browser: a cookie jar shared by both servers (cookies ignore the port)."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def cookie(self, name: str) -> str:
        return next(c.value for c in self.jar if c.name == name and c.value is not None)

    def open(self, url: str, data: dict[str, str] | None = None, **headers: str) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post_form(self, page_url: str, action_url: str, fields: dict[str, str]) -> int:
        _, page = self.open(page_url)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert csrf is not None, page[:500]
        return self.open(action_url, fields | {"csrfmiddlewaretoken": csrf.group(1)})[0]


def test_signing_out_on_one_process_ends_the_session_on_the_other(
    servers: dict[str, Any],
) -> None:
    first, second = servers["urls"]
    browser = Browser()
    signed_in = browser.post_form(
        f"{first}/account/login/",
        f"{first}/account/login/",
        {"username": "sam@example.org", "password": PASSWORD},
    )
    assert signed_in == 302
    assert browser.open(f"{second}/account/settings/")[0] == 200  # the second process has it now
    assert browser.open(f"{first}/account/settings/")[0] == 200
    # The same session from another tab (or a copied cookie), which signing out does not clear.
    cookie = f"sessionid={browser.cookie('sessionid')}"
    other_tab = Browser()
    assert other_tab.open(f"{second}/account/settings/", Cookie=cookie)[0] == 200
    signed_out = browser.post_form(f"{first}/account/settings/", f"{first}/account/logout/", {})
    assert signed_out == 302
    # At once on the other process too: to the sign-in page.
    assert other_tab.open(f"{second}/account/settings/", Cookie=cookie)[0] == 302


def test_a_token_revoked_on_one_process_stops_on_the_other(servers: dict[str, Any]) -> None:
    first, second = servers["urls"]
    auth = {"Authorization": f"Bearer {servers['token']}"}
    browser = Browser()
    status, body = browser.open(f"{second}/api/v1/auth/tokens", **auth)
    assert status == 200
    [token] = json.loads(body)
    request = urllib.request.Request(  # noqa: S310
        f"{first}/api/v1/auth/tokens/{token['id']}", method="DELETE", headers=auth
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        assert response.status == 204
    assert browser.open(f"{second}/api/v1/auth/tokens", **auth)[0] == 401
