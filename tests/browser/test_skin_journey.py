"""Journey: on a phone, upload two photos, draw a region on each, see the measurement."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from tests.skin.skin_photos import scene

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-passphrase"


def _png(rgb: Any) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, format="PNG")
    return buffer.getvalue()


def _drag(page: Page, canvas_test_id: str, roi: Any, photo_width: int) -> None:
    """Drag across ``roi`` (photo pixels) on the canvas, as a finger or mouse would."""
    canvas = page.get_by_test_id(canvas_test_id)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    scale = box["width"] / photo_width
    left, top = box["x"] + roi.x * scale, box["y"] + roi.y * scale
    right = box["x"] + (roi.x + roi.width) * scale
    bottom = box["y"] + (roi.y + roi.height) * scale
    page.mouse.move(left, top)
    page.mouse.down()
    page.mouse.move((left + right) / 2, (top + bottom) / 2, steps=4)
    page.mouse.move(right, bottom, steps=4)
    page.mouse.up()


def test_upload_two_photos_draw_regions_and_see_the_measurement(
    phone_page: Page, page_errors: list[str]
) -> None:
    from stepdown.accounts.models import User

    User.objects.create_user("sam@example.org", PASSWORD, time_zone="America/Chicago")
    rendered = scene(melanin=0.3)
    png = _png(rendered.rgb)
    page = phone_page
    page.goto("/account/login/")
    page.get_by_label("Email").fill("sam@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto("/skin/")
    expect(page.get_by_text("Building your baseline")).to_be_visible()
    page.get_by_test_id("new-session").click()
    expect(page.get_by_role("heading", name="Before you take the photos")).to_be_visible()
    page.get_by_label("Photo of the exposed site, with the colour card beside it").set_input_files(
        {"name": "hand.png", "mimeType": "image/png", "buffer": png}
    )
    page.get_by_label(
        "Photo of your inner upper arm, with the colour card beside it"
    ).set_input_files({"name": "arm.png", "mimeType": "image/png", "buffer": png})
    page.get_by_role("button", name="Upload and continue").click()

    expect(page.get_by_role("heading", name="Mark the skin to measure")).to_be_visible()
    for prefix, roi in (("exposed", rendered.exposed_roi), ("reference", rendered.reference_roi)):
        canvas = page.get_by_test_id(f"canvas-{prefix}")
        expect(canvas).to_be_visible()
        # The preview has loaded and been drawn when the canvas takes the photo's proportions.
        page.wait_for_function(
            "id => { const c = document.querySelector(`[data-testid=${id}]`);"
            " return c && c.width > 0 && Math.abs(c.height / c.width - 640 / 960) < 0.01; }",
            arg=f"canvas-{prefix}",
        )
        _drag(page, f"canvas-{prefix}", roi, photo_width=960)
        # The drawing lands in the form, in photo pixels (within a couple of pixels of rounding).
        x = int(page.locator(f'input[name="{prefix}-x"]').input_value())
        width = int(page.locator(f'input[name="{prefix}-width"]').input_value())
        assert abs(x - roi.x) <= 3
        assert abs(width - roi.width) <= 4

    page.get_by_test_id("measure").click()
    expect(page.get_by_test_id("skin-result")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("delta-ita")).to_have_text(re.compile(r"^-1[0-9]\.\d°$"))
    expect(page.get_by_text("passed the quality checks")).to_be_visible()
    expect(page.get_by_test_id("retake-exposed")).to_be_visible()

    page.get_by_role("button", name="Back to Skin").click()
    expect(page.locator(".skin-session-link img")).to_have_count(2)
    # Thumbnails really load through the authorised view (naturalWidth > 0 once decoded).
    page.wait_for_function(
        "() => [...document.querySelectorAll('.skin-session-link img')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    assert page_errors == []
