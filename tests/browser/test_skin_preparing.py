"""While the worker prepares the photos, the regions page says so and asks again by itself;
once the real worker has run, the page reloads with the photos ready to mark."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings
from playwright.sync_api import Page, expect
from tests.reminders.conftest import DB_TASKS
from tests.skin.skin_photos import png_bytes

from stepdown.reminders.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def test_the_regions_page_waits_for_the_worker_and_then_shows_the_editors(
    phone_page: Page, page_errors: list[str], settings: Any, tmp_path: Any
) -> None:
    from stepdown.accounts.models import User

    settings.MEDIA_ROOT = tmp_path / "media"
    User.objects.create_user("sam@example.org", PASSWORD, time_zone="America/Chicago")
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    with override_settings(TASKS=DB_TASKS):
        page.goto("/skin/new/")
        photo = {"name": "p.png", "mimeType": "image/png", "buffer": png_bytes(960, 640)}
        page.get_by_label(
            "Photo of the exposed site, with the colour card beside it"
        ).set_input_files(photo)
        page.get_by_label(
            "Photo of your inner upper arm, with the colour card beside it"
        ).set_input_files(photo)
        page.get_by_role("button", name="Upload and continue").click()
        expect(page.get_by_test_id("preparing")).to_be_visible()
        expect(page.get_by_test_id("canvas-exposed")).to_have_count(0)
        # A poll or two with the work still queued keeps the notice.
        page.wait_for_timeout(3500)
        expect(page.get_by_test_id("preparing")).to_be_visible()

        assert run_queued_tasks() is True

        # No reload by hand: the notice's next poll asks for one.
        expect(page.get_by_test_id("canvas-exposed")).to_be_visible(timeout=10_000)
        expect(page.get_by_test_id("preparing")).to_have_count(0)
        expect(page.get_by_test_id("measure")).to_be_visible()
    assert page_errors == []
