"""Offline on a phone, in a real Chromium with its network cut (Playwright's offline mode): doses,
a daily check-in and an urge logged without a connection wait on the device and reach the server
exactly once, a lost answer included; a page that cannot load shows the crisis lines of the
person's country; signing out leaves nothing of the person in the browser's caches or IndexedDB.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from tests.browser.axe import axe_violations
from tests.browser.daily_checkin import CRAVING, answer_after_craving, answer_diary
from tests.browser.test_checkins_phone import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "claire@example.org"
SENT = "Everything you logged without a connection has been sent."

# Every URL in the site's caches and the bodies of the non-static ones (the offline page).
CACHE_CONTENTS = """async () => {
  const found = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      const body = path.startsWith("/static/") ? "" : await (await cache.match(request)).text();
      found.push([path, body]);
    }
  }
  return found;
}"""
CONTROLLED = """async () => {
  await navigator.serviceWorker.ready;
  return navigator.serviceWorker.controller !== null;
}"""
QUEUE_CONTENTS = """() => new Promise((resolve) => {
  const open = indexedDB.open("stepdown-offline", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("queue", { keyPath: "key" });
  open.onsuccess = () => {
    const get = open.result.transaction("queue").objectStore("queue").getAll();
    get.onsuccess = () => { open.result.close(); resolve(JSON.stringify(get.result)); };
  };
})"""


def _fill_daily(page: Page) -> None:
    answer_diary(page)
    page.get_by_label(CRAVING).fill("40")
    answer_after_craving(page, sleep_h="7", exercise_min="10")


def _log_dose(page: Page, amount: str) -> None:
    page.get_by_label("Amount").fill(amount)
    page.get_by_role("button", name="Log dose").click()


# The sign-in form's words in each language the tests sign in with.
SIGN_IN_WORDS = {
    "en": ("Email", "Password", "Sign in"),
    "fr": ("Adresse e-mail", "Mot de passe", "Se connecter"),
}


def sign_in_controlled(page: Page, email: str = EMAIL, language: str = "en") -> None:
    """Signs in on Today and waits until the service worker controls the page."""
    email_label, password_label, button = SIGN_IN_WORDS[language]
    page.goto("/account/login/?next=/today/")
    page.get_by_label(email_label).fill(email)
    page.get_by_label(password_label).fill(PASSWORD)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_test_id("total-g")).to_be_visible()
    # The worker installs while the first pages load; a page that was mid-load then may stay
    # uncontrolled until the next one (as for any visitor): load it again if so.
    if not page.evaluate(CONTROLLED):
        page.reload()
    assert page.evaluate(CONTROLLED)


# A slow device: every IndexedDB connection opens 400 ms late, so an entry is still being stored
# while the person logs the next one.
SLOW_INDEXEDDB = """(() => {
  const realOpen = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    const request = realOpen.apply(this, args);
    let handler = null;
    Object.defineProperty(request, "onsuccess", {
      set(fn) { handler = fn; },
      get() { return handler; },
    });
    request.addEventListener("success", (event) => {
      setTimeout(() => { if (handler) { handler.call(request, event); } }, 400);
    });
    return request;
  };
})();"""


def test_a_dose_logged_while_the_last_is_being_stored_is_its_own_entry(
    phone_page: Page, page_errors: list[str]
) -> None:
    # Regression: the form was cleared (and given a new key) only once the first entry was
    # stored, which wiped the second amount as it was typed, or stored it under the first key.
    from stepdown.accounts.models import User

    User.objects.create_user(EMAIL, PASSWORD, time_zone="Europe/Paris")
    page = phone_page
    page.add_init_script(SLOW_INDEXEDDB)
    sign_in_controlled(page)
    page.context.set_offline(True)
    _log_dose(page, "2")
    _log_dose(page, "3")
    expect(page.get_by_test_id("offline-entry")).to_have_text(
        ["Dose 2 g — waiting to send", "Dose 3 g — waiting to send"]
    )
    queued = json.loads(page.evaluate(QUEUE_CONTENTS))
    assert len({entry["key"] for entry in queued}) == 2
    assert page_errors == []


def test_offline_logging_is_sent_once_and_sign_out_forgets_it(
    phone_page: Page, page_errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stepdown.accounts.models import User
    from stepdown.checkins.models import Response
    from stepdown.journal import services
    from stepdown.journal.models import Dose
    from stepdown.learn.models import UrgeLog

    # The first dose that reaches the server is saved, but its answer is lost (a 500): the
    # browser must send it again, with the same key, and the server must keep one.
    real_dose_create = services.dose_create
    calls: list[Any] = []

    def answer_lost_once(**kwargs: Any) -> Any:
        calls.append(kwargs["client_id"])
        result = real_dose_create(**kwargs)
        if len(calls) == 1:
            raise RuntimeError("the answer to the first dose never reaches the phone")
        return result

    monkeypatch.setattr(services, "dose_create", answer_lost_once)

    person = User.objects.create_user(EMAIL, PASSWORD, time_zone="Europe/Paris")
    page, context = phone_page, phone_page.context
    sign_in_controlled(page)
    cached = dict(page.evaluate(CACHE_CONTENTS))
    assert "/offline/" in cached
    assert "/static/stepdown/offline.js" in cached
    assert all(path.startswith("/static/") or path == "/offline/" for path in cached)

    # Two doses without a connection: kept on the phone, nothing posted.
    context.set_offline(True)
    _log_dose(page, "2")
    _log_dose(page, "3")
    queue = page.get_by_test_id("offline-queue")
    expect(queue.get_by_test_id("offline-entry")).to_have_text(
        ["Dose 2 g — waiting to send", "Dose 3 g — waiting to send"]
    )
    assert Dose.objects.count() == 0

    # A page that cannot load shows the crisis lines, France's first (the account's time zone).
    page.goto("/checkins/daily/")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    expect(page.get_by_test_id("offline-crisis-lines").locator("a").first).to_have_text("Call 3114")
    assert EMAIL not in page.content()

    # Back online, the check-in page sends what waits; the first dose's answer is lost.
    context.set_offline(False)
    page.goto("/checkins/daily/")
    expect(page.get_by_test_id("offline-queue")).to_contain_text("Not sent yet")
    expect(page.get_by_test_id("offline-entry")).to_have_count(2)
    assert len(calls) == 1
    _fill_daily(page)
    context.set_offline(True)
    page.get_by_test_id("submit-checkin").click()
    expect(page.get_by_test_id("offline-entry")).to_have_text(
        [
            "Dose 2 g — waiting to send",
            "Dose 3 g — waiting to send",
            "Daily check-in — waiting to send",
        ]
    )
    assert Response.objects.count() == 0

    context.set_offline(False)  # the online event sends the three, the lost one again
    expect(page.get_by_test_id("offline-queue")).to_contain_text(SENT)
    doses = list(Dose.objects.filter(owner=person).order_by("amount"))
    assert [(d.amount, d.unit) for d in doses] == [(2, "g"), (3, "g")]
    assert len(calls) == 3
    assert calls[0] == calls[1] == doses[0].client_id
    assert Response.objects.filter(owner=person, instrument="daily").count() == 1

    # An urge, the same way.
    page.goto("/learn/tools/urge/")
    context.set_offline(True)
    page.get_by_label("7", exact=True).check()
    page.get_by_role("button", name="Log urge").click()
    expect(page.get_by_test_id("offline-entry")).to_have_text(["Urge — waiting to send"])
    context.set_offline(False)
    expect(page.get_by_test_id("offline-queue")).to_contain_text(SENT)
    assert UrgeLog.objects.filter(owner=person, strength=7).count() == 1

    # A dose the server refuses stays on the phone, marked, until signing out removes it.
    page.goto("/today/")
    context.set_offline(True)
    page.get_by_text("Another amount or product").click()
    page.get_by_label("Note").fill("private words")
    _log_dose(page, "-1")
    context.set_offline(False)
    expect(page.get_by_test_id("offline-entry")).to_contain_text("not accepted")
    assert "private words" in page.evaluate(QUEUE_CONTENTS)
    assert Dose.objects.count() == 2

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert page.evaluate(QUEUE_CONTENTS) == "[]"
    for path, body in page.evaluate(CACHE_CONTENTS):
        assert path.startswith("/static/") or path == "/offline/"
        assert "private words" not in body
        assert EMAIL not in body
    # The offline page meets WCAG 2.2 AA like every other page.
    page.goto("/offline/?country=FR")
    assert axe_violations(page) == []
    # Only the expected failures (the lost answer, the refused dose) reached the console.
    assert [e for e in page_errors if "Failed to load resource" not in e] == []
