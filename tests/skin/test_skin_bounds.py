"""Bounds on what one upload may cost (docs/security.md): photos too small to measure are refused at
upload, photos too large are stored and measured at the measurement resolution, and each
person's photos stay within a storage quota."""

from __future__ import annotations

import io
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from tests.skin.skin_photos import png_bytes, put_region, upload

from stepdown.core.colour.decoding import MEASUREMENT_LONG_SIDE_PX
from stepdown.core.colour.measurement import MAX_MEASURED_PIXELS
from stepdown.skin.models import Photo, PhotoSession
from stepdown.skin.photos import MIN_PHOTO_PIXELS

pytestmark = pytest.mark.django_db


def _new(web: Client, exposed: bytes, reference: bytes) -> Any:
    return web.post(
        "/skin/new/",
        {
            "exposed_site": "back_of_hand",
            "exposed_photo": SimpleUploadedFile("a.png", exposed),
            "reference_photo": SimpleUploadedFile("b.png", reference),
            "client_id": str(uuid.uuid4()),
        },
    )


@pytest.mark.parametrize("size", [(40, 40), (2000, 100), (500, 499)])
def test_a_photo_too_small_to_measure_is_refused_at_upload_on_its_field(
    web: Client, api: Any, size: tuple[int, int]
) -> None:
    assert size[0] * size[1] < MIN_PHOTO_PIXELS
    response = _new(web, png_bytes(640, 480), png_bytes(*size))
    assert response.status_code == 422
    body = response.content.decode()
    assert f"too small to measure ({size[0]} × {size[1]} pixels)" in body
    session = api.post("/skin/sessions", {}).json()
    refused = upload(api, session["id"], png_bytes(*size), "exposed")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "file"]


def test_the_smallest_accepted_photo_is_accepted(api: Any) -> None:
    session = api.post("/skin/sessions", {}).json()
    assert upload(api, session["id"], png_bytes(640, 400), "exposed").status_code == 201


def test_the_issue_photo_is_stored_and_measured_at_the_measurement_resolution(api: Any) -> None:
    # The reported file: a 116 KB all-black 6300 × 6300 PNG.
    buffer = io.BytesIO()
    Image.new("L", (6300, 6300), 0).save(buffer, format="PNG")
    session = api.post("/skin/sessions", {"uses_card": False}).json()
    photo = upload(api, session["id"], buffer.getvalue(), "exposed").json()
    assert (photo["width"], photo["height"]) == (MEASUREMENT_LONG_SIDE_PX,) * 2
    side = MEASUREMENT_LONG_SIDE_PX
    region = {"kind": "rect", "x": 0, "y": 0, "width": side, "height": side}
    measured = put_region(api, photo["id"], {"region": region})
    assert measured.status_code == 200
    assert measured.json()["measurement"]["pixels"]["total"] <= MAX_MEASURED_PIXELS


def _fill_quota(owner: Any, megabytes: float) -> None:
    session = PhotoSession.objects.create(owner=owner)
    Photo.objects.create(
        session=session,
        owner=owner,
        role="exposed",
        file_key=uuid.uuid4().hex,
        width_px=640,
        height_px=480,
        byte_size=int(megabytes * 1024 * 1024),
        source_format="PNG",
    )


def test_a_person_over_their_storage_quota_is_told_so_on_the_field(
    web: Client, api: Any, person: Any, other_person: Any, settings: Any
) -> None:
    settings.SKIN_QUOTA_MB = 2
    _fill_quota(person, 1.999)
    before = Photo.objects.count()
    response = _new(web, png_bytes(), png_bytes())
    assert response.status_code == 422
    assert "2 MB this server keeps for each person" in response.content.decode()
    session = api.post("/skin/sessions", {}).json()
    refused = upload(api, session["id"], png_bytes(), "exposed")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "file"]
    assert "Delete older sessions" in refused.json()["detail"][0]["msg"]
    assert Photo.objects.count() == before
    # The quota is per person: someone else's full allowance does not count against Sam.
    Photo.objects.filter(owner=person).delete()
    _fill_quota(other_person, 1.999)
    assert upload(api, session["id"], png_bytes(), "exposed").status_code == 201
