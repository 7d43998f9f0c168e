"""What a new user hit on the skin pages: the colour card explained, a one-session
chart on a sensible time axis, numbers in plain words, a good photo kept when the other slot's
file is bad, and the self-report's questions grouped under the right headings."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.skin.skin_photos import ZIP_BYTES, png_bytes, put_region, upload

from stepdown.skin.models import Photo, PhotoSession

pytestmark = pytest.mark.django_db


def test_the_colour_card_is_explained_with_a_picture(web: Client) -> None:
    body = web.get("/skin/new/").content.decode()
    guide = body.split('data-testid="card-guide"')[1].split("</section>")[0]
    assert "What to get" in guide
    assert "24-patch" in guide
    assert "How to place it" in guide
    assert "printed at home does not work" in guide
    picture = re.search(r'<img src="([^"]+\.svg)" alt="([^"]+)"', guide)
    assert picture is not None
    assert picture.group(1).startswith("/static/")
    assert "colour card" in picture.group(2)
    svg = web.get(picture.group(1))
    assert svg.status_code == 200
    content = b"".join(svg.streaming_content) if svg.streaming else svg.content
    assert b"<svg" in content
    # Self-contained: nothing fetched from elsewhere (only the SVG namespace names a URL).
    assert b"http" not in content.replace(b"http://www.w3.org/2000/svg", b"")


def _chart(web: Client) -> dict[str, Any]:
    page = web.get("/skin/").content.decode()
    raw = re.search(r'data-series="([^"]+)"', page).group(1)
    return json.loads(raw.replace("&quot;", '"'))


def test_one_session_is_charted_on_an_axis_of_weeks_not_years(web: Client, person: Any) -> None:
    taken = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    PhotoSession.objects.create(
        owner=person, taken_at=taken, delta_ita_deg=-12.0, comparison_ok=True
    )
    chart = _chart(web)
    assert chart["t"] == [int(taken.timestamp())]
    assert chart["xmax"] - chart["xmin"] == 28 * 86_400
    assert chart["xmin"] < chart["t"][0] < chart["xmax"]
    later = taken + dt.timedelta(days=400)
    PhotoSession.objects.create(
        owner=person, taken_at=later, delta_ita_deg=-12.5, comparison_ok=True
    )
    chart = _chart(web)
    assert (chart["xmin"], chart["xmax"]) == (int(taken.timestamp()), int(later.timestamp()))


def _flat_session(api: Any, colour: tuple[int, int, int]) -> int:
    session = api.post("/skin/sessions", {"uses_card": False}).json()
    for role in ("exposed", "reference"):
        photo = upload(api, session["id"], png_bytes(800, 600, colour), role).json()
        region = {"kind": "rect", "x": 100, "y": 100, "width": 600, "height": 400}
        assert put_region(api, photo["id"], {"region": region}).status_code == 200
    return session["id"]


def test_numbers_come_in_plain_words(web: Client, api: Any) -> None:
    session_id = _flat_session(api, (190, 140, 115))
    body = web.get(f"/skin/sessions/{session_id}/").content.decode()
    # A uniform area gives a zero-width interval: no "45.6 to 45.6", but what it means.
    assert not re.search(r"(-?\d+\.\d) to \1\b", body)
    assert "agree to within 0.1°" in body
    # No raw "1920000 of 1920000" pixel counts: a share of the area in words.
    assert not re.search(r"\d{4,} of \d{4,}", body)
    assert "100 % of the marked area" in body
    words = body.split('data-testid="delta-words"')[1].split("</dl>")[0]
    assert "lighter (+) or darker (−)" in words
    assert "more (+) or less (−) yellow" in words
    assert "look overall" in words
    assert "difference in skin-tone angle" in body


def test_a_bad_file_in_one_slot_keeps_the_good_photo(web: Client, person: Any) -> None:
    response = web.post(
        "/skin/new/",
        {
            "exposed_site": "back_of_hand",
            "exposed_photo": SimpleUploadedFile("hand.png", png_bytes()),
            "reference_photo": SimpleUploadedFile("arm.jpg", ZIP_BYTES),
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 422
    session = PhotoSession.objects.get(owner=person)
    assert list(Photo.objects.filter(session=session).values_list("role", flat=True)) == ["exposed"]
    body = response.content.decode()
    assert "Your photo of the exposed site is saved" in body
    assert "This file is not a photo" in body
    action = f'action="/skin/sessions/{session.pk}/retake/reference/"'
    assert action in body
    again = web.post(
        f"/skin/sessions/{session.pk}/retake/reference/",
        {"photo": SimpleUploadedFile("arm.png", png_bytes())},
    )
    assert again.status_code == 302
    assert Photo.objects.filter(session=session).count() == 2


def test_itching_is_asked_apart_from_the_colour(web: Client) -> None:
    body = web.get("/skin/").content.decode()
    fieldsets = {
        re.search(r"<legend>(.*?)</legend>", part).group(1): part
        for part in re.findall(r"<fieldset.*?</fieldset>", body, flags=re.DOTALL)
        if "<legend>" in part
    }
    assert "It itches" not in fieldsets["What colour is it?"]
    assert "It itches" in fieldsets["How does it feel?"]
    assert "tender" in fieldsets["How does it feel?"]


def test_grey_blue_skin_is_flagged_and_kept_out_of_the_ita_trend(web: Client, api: Any) -> None:
    flagged = _flat_session(api, (118, 124, 136))  # b* below zero
    session = api.get(f"/skin/sessions/{flagged}").json()
    assert "ita_unreliable" in session["comparison"]["quality"]["reasons"]
    page = web.get(f"/skin/sessions/{flagged}/").content.decode()
    assert 'data-testid="ita-unreliable"' in page
    trend = api.get("/skin/trend").json()
    assert trend["points"] == []
    assert [p["session_id"] for p in trend["excluded_ita_unreliable"]] == [flagged]
    home = web.get("/skin/").content.decode()
    assert 'data-testid="trend-unreliable"' in home
    steady = _flat_session(api, (190, 140, 115))
    trend = api.get("/skin/trend").json()
    assert [p["session_id"] for p in trend["points"]] == [steady]
