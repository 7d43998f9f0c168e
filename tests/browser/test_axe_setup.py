"""axe-core runs inside the app's pages as they are served, Content-Security-Policy included,
and reports what it should (the full sweep is tests/browser/test_accessibility.py)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page
from tests.browser.axe import axe_violations, describe

pytestmark = pytest.mark.django_db(transaction=True)


def test_axe_runs_in_a_served_page_and_finds_a_planted_fault(
    phone_page: Page, page_errors: list[str], live_server: Any
) -> None:
    phone_page.goto("/account/login/")
    assert axe_violations(phone_page) == [], describe("/account/login/", axe_violations(phone_page))
    # An image with no text alternative, added after load: axe must name it and where it is.
    phone_page.evaluate(
        "() => { const i = document.createElement('img'); i.id = 'planted';"
        " i.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.body.append(i); }"
    )
    found = axe_violations(phone_page)
    assert [v["id"] for v in found] == ["image-alt"], found
    assert found[0]["targets"] == ["#planted"]
    assert page_errors == []
