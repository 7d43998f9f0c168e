"""A real Chromium (Debian's /usr/bin/chromium) driven by Playwright against the live server."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}

# Playwright's sync API runs an event loop in the test thread; Django's guard against ORM calls
# from async code would otherwise refuse the fixtures' database work.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# On SQLite the live server hands the test's one in-memory connection to every request thread;
# two requests at once (a page and its lazily loaded panels) can then lock each other up for
# good. One request at a time through the app (static files still stream in parallel).
_one_request_at_a_time = threading.Lock()
_handle = WSGIHandler.__call__


def _serialised(self: WSGIHandler, environ: Any, start_response: Any) -> Iterable[bytes]:
    with _one_request_at_a_time:
        return _handle(self, environ, start_response)


WSGIHandler.__call__ = _serialised  # type: ignore[method-assign]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Browser tests need Debian's chromium at /usr/bin/chromium (make test installs it)."
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page_errors() -> list[str]:
    return []


def open_page(browser: Browser, base_url: str, page_errors: list[str], **options: Any) -> Page:
    """A new context's page at phone size (``options`` override), whose script errors and CSP
    violations land in ``page_errors``: they are failures of the page, not noise."""
    context = browser.new_context(**{"viewport": PHONE, "base_url": base_url, **options})
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.on(
        "console",
        lambda message: page_errors.append(message.text) if message.type == "error" else None,
    )
    return page


@pytest.fixture
def phone_page(browser: Browser, live_server: Any, page_errors: list[str]) -> Iterator[Page]:
    page = open_page(browser, live_server.url, page_errors)
    yield page
    page.context.close()
