"""The data export on a phone: the button says the file is being prepared and stays busy until
the download really begins (the response's cookie names the click's token), then says the file
is on its way; the download is the ZIP with stepdown.json in it."""

from __future__ import annotations

import json
import threading
import time
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from tests.conftest import PASSWORD

from stepdown.records import download as download_module

pytestmark = pytest.mark.django_db(transaction=True)

PREPARING = (
    "Preparing your file. Your browser saves it as soon as it starts to arrive; "
    "with many photos this can take a minute."
)
READY = "Your file is on its way: your browser is saving it to your downloads."

# While the form's POST is pending, Playwright cannot look into the page (evaluations and
# locators wait for the navigation), though the page's scripts run: so the page writes down
# each change of the button and the status line, with the time, for the test to read after.
RECORD_CHANGES = """
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector("[data-testid=export-button]");
  const status = document.querySelector("[data-testid=export-status]");
  if (!button || !status) { return; }
  window.exportStates = [];
  const note = () => window.exportStates.push(
    {at: Date.now(), busy: button.getAttribute("aria-busy"), status: status.textContent});
  const watch = new MutationObserver(note);
  watch.observe(button, {attributes: true});
  watch.observe(status, {childList: true, characterData: true, subtree: true});
});
"""


def test_the_export_button_is_busy_until_the_download_begins(
    phone_page: Page, page_errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stepdown.accounts.models import User

    User.objects.create_user("sam@example.org", PASSWORD)
    # Hold the ZIP's first bytes, and so the response's headers, until the test lets them go:
    # the page must stay in its "preparing" state however long that takes.
    release = threading.Event()
    real_chunks = download_module.export_chunks

    def held_chunks(owner: Any) -> Iterator[bytes]:
        release.wait(timeout=30)
        yield from real_chunks(owner)

    monkeypatch.setattr(download_module, "export_chunks", held_chunks)
    page = phone_page
    page.add_init_script(RECORD_CHANGES)
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/account/export/")
    button = page.get_by_role("button", name="Download my data")
    status = page.get_by_role("status")
    expect(status).to_have_text("")

    with page.expect_download() as started:
        # The POST is a navigation that ends as a download: do not wait for it here.
        button.click(no_wait_after=True)
        time.sleep(2)  # four of the script's polls, with no cookie yet
        released_at = time.time() * 1000
        release.set()
    download = started.value

    with zipfile.ZipFile(download.path()) as archive:
        document = json.loads(archive.read("stepdown.json"))
    assert document["format"] == "stepdown-export"
    assert document["account"]["email"] == "sam@example.org"
    assert download.suggested_filename.startswith("stepdown-export-")

    expect(button).not_to_have_attribute("aria-busy", "true")
    expect(status).to_have_text(READY)
    states = page.evaluate("window.exportStates")
    before = [state for state in states if state["at"] < released_at]
    after = [state for state in states if state["at"] >= released_at]
    # Busy and "preparing" from the click, and nothing else until the download began ...
    assert before, "the page did not change when the button was clicked"
    assert {(state["busy"], state["status"]) for state in before} == {("true", PREPARING)}
    # ... then no longer busy, and on its way.
    assert (after[-1]["busy"], after[-1]["status"]) == (None, READY)
    # The signal is spent: the script removed its cookie.
    assert "stepdown_download" not in [cookie["name"] for cookie in page.context.cookies()]
    assert page_errors == []
