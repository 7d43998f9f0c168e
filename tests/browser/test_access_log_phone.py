"""On a phone, a person finds "Who saw my data" from their account, reads who opened what, and
downloads the accounting of disclosures as CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
import time_machine
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_reads_who_saw_their_data_and_downloads_it(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.accounts.models import User
    from stepdown.audit.services import record_access

    robin = User.objects.create_user("robin@example.org", "a-long-test-passphrase")
    lee = User.objects.create_user("lee@clinic.example", "another-long-passphrase")
    lee.display_name = "Dr. Lee"
    lee.save()
    with time_machine.travel(dt.datetime(2026, 12, 3, 10, 14, tzinfo=dt.UTC), tick=False):
        record_access(
            actor=lee, owner=robin, data_classes=["journal", "plan"], kind="page", route="t"
        )
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("robin@example.org")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/today/")
    page.goto("/account/settings/")
    page.get_by_role("link", name="Who saw my data").click()
    expect(page.get_by_role("heading", name="Who saw my data")).to_be_visible()
    expect(
        page.get_by_text(
            "Dr. Lee (lee@clinic.example), clinician, opened your journal and plan, "
            "3 December 2026 at 10:14, for treatment."
        )
    ).to_be_visible()
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the record of the past 3 years (CSV)").click()
    download = download_info.value
    assert download.suggested_filename == "access-log.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text())))
    assert [(row["recipient_email"], row["data_classes"]) for row in rows] == [
        ("lee@clinic.example", "journal;plan")
    ]
    assert page_errors == []
