"""Uploads are judged by their content, limited in size and pixels, re-encoded without
metadata, stored under random names in the data directory, and never cause a 500."""

from __future__ import annotations

import io
import re
import stat
from pathlib import Path
from typing import Any

import pillow_heif
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from tests.skin.skin_photos import (
    SVG_WITH_SCRIPT,
    TEXT_AS_JPEG,
    ZIP_BYTES,
    jpeg_with_gps,
    png_bytes,
    png_claiming,
)

from stepdown.skin.models import Photo
from stepdown.skin.photos import MAX_UPLOAD_BYTES, photo_path
from stepdown.skin.uploads import CappedUploadHandler

pytestmark = pytest.mark.django_db


def upload(
    api: Any, session_id: int, data: bytes, *, name: str = "photo.jpg", site: str = "exposed"
) -> Any:
    file = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return api.client.post(
        f"/api/v1/skin/sessions/{session_id}/photos",
        data={"site": site, "file": file},
        headers=api.headers,
    )


@pytest.fixture
def session_id(api: Any) -> int:
    return int(api.post("/skin/sessions", {"exposed_site": "back_of_hand"}).json()["id"])


def _file_error(response: Any) -> str:
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["body", "file"]
    return str(detail[0]["msg"])


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (TEXT_AS_JPEG, "photo.jpg"),  # wrong magic bytes behind a photo's name
        (ZIP_BYTES, "photo.jpg"),
        (SVG_WITH_SCRIPT, "photo.svg"),
        (b"", "empty.jpg"),
        (b"\xff\xd8\xff\xe0" + b"\0" * 200, "truncated.jpg"),  # JPEG magic, no image
        (b"\x89PNG\r\n\x1a\n" + b"garbage" * 20, "broken.png"),
    ],
)
def test_files_that_are_not_photos_are_refused_by_content(
    api: Any, session_id: int, data: bytes, name: str
) -> None:
    stored = Path(settings.MEDIA_ROOT) / "skin"
    before = set(stored.glob("*"))
    message = _file_error(upload(api, session_id, data, name=name))
    assert "photo" in message or "empty" in message
    assert not Photo.objects.exists()
    assert set(stored.glob("*")) == before


def test_a_photo_named_like_a_text_file_is_still_accepted(api: Any, session_id: int) -> None:
    response = upload(api, session_id, png_bytes(), name="notes.txt")
    assert response.status_code == 201, response.content
    assert response.json()["source_format"] == "PNG"


def test_oversized_upload_is_refused(api: Any, session_id: int) -> None:
    data = b"\xff\xd8\xff\xe0" + b"\0" * (MAX_UPLOAD_BYTES + 10)
    assert "25 MB" in _file_error(upload(api, session_id, data))


def test_the_upload_handler_keeps_at_most_one_byte_over_the_limit() -> None:
    handler = CappedUploadHandler(None)
    handler.new_file("file", "big.jpg", "image/jpeg", None)
    chunk = b"x" * (1024 * 1024)
    kept = 0
    for start in range(0, 30):  # 30 MB streamed past
        passed = handler.receive_data_chunk(chunk, start * len(chunk))
        kept += len(passed) if passed is not None else 0
    assert kept == MAX_UPLOAD_BYTES + 1


def test_pixel_flood_is_refused_without_decoding(api: Any, session_id: int) -> None:
    # 50,000 × 50,000 = 2.5 billion pixels claimed by a file of under 200 bytes.
    data = png_claiming(50_000, 50_000)
    assert len(data) < 200
    assert "too many pixels" in _file_error(upload(api, session_id, data, name="flood.png"))


def test_stored_copy_has_no_exif_gps_or_camera_details(api: Any, session_id: int) -> None:
    original = jpeg_with_gps()
    assert 0x8825 in Image.open(io.BytesIO(original)).getexif()  # the test file really has GPS
    response = upload(api, session_id, original)
    assert response.status_code == 201, response.content
    photo = Photo.objects.get()
    for variant in ("full", "preview", "thumb"):
        stored = Image.open(photo_path(photo.file_key, variant))
        exif = stored.getexif()
        assert 0x8825 not in exif
        assert exif.get_ifd(0x8825) == {}
        assert 0x010F not in exif
        assert 0x0132 not in exif
        assert "exif" not in stored.info
        assert "icc_profile" not in stored.info
    assert b"PhoneMaker" not in photo_path(photo.file_key).read_bytes()


def test_files_live_in_the_data_directory_under_random_owner_only_names(
    api: Any, session_id: int
) -> None:
    response = upload(api, session_id, png_bytes(), name="sam-left-hand.png")
    photo = Photo.objects.get(pk=response.json()["id"])
    path = photo_path(photo.file_key)
    assert path.parent == Path(settings.MEDIA_ROOT) / "skin"
    assert Path(settings.MEDIA_ROOT).is_relative_to(settings.DATA_DIR)
    assert not any(path.is_relative_to(d) for d in settings.STATICFILES_DIRS)
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", path.name)
    assert "sam" not in path.name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # Re-encoded: a JPEG even though a PNG was sent, same size in pixels.
    assert path.read_bytes()[:3] == b"\xff\xd8\xff"
    assert (photo.width_px, photo.height_px) == (640, 480)


def test_webp_and_heic_photos_are_accepted(api: Any, session_id: int) -> None:
    image = Image.new("RGB", (800, 600), (180, 130, 100))
    webp = io.BytesIO()
    image.save(webp, format="WEBP", quality=90)
    heic = io.BytesIO()
    pillow_heif.from_pillow(image).save(heic, format="HEIF", quality=90)
    first = upload(api, session_id, webp.getvalue(), name="a.webp")
    second = upload(api, session_id, heic.getvalue(), name="b.heic", site="reference")
    assert first.status_code == 201, first.content
    assert second.status_code == 201, second.content
    assert [first.json()["source_format"], second.json()["source_format"]] == ["WEBP", "HEIF"]


def test_retake_replaces_the_photo_and_removes_the_old_files(
    api: Any, session_id: int, django_capture_on_commit_callbacks: Any
) -> None:
    first = upload(api, session_id, png_bytes())
    old = Photo.objects.get(pk=first.json()["id"])
    old_files = [photo_path(old.file_key, v) for v in ("full", "preview", "thumb")]
    with django_capture_on_commit_callbacks(execute=True):
        second = upload(api, session_id, png_bytes(colour=(120, 90, 70)))
    assert second.status_code == 201
    assert Photo.objects.count() == 1
    assert not any(path.exists() for path in old_files)
    assert photo_path(Photo.objects.get().file_key).exists()


def test_unknown_site_and_missing_file_are_422(api: Any, session_id: int) -> None:
    response = upload(api, session_id, png_bytes(), site="elbow")
    assert response.status_code == 422
    missing = api.client.post(
        f"/api/v1/skin/sessions/{session_id}/photos", data={"site": "exposed"}, headers=api.headers
    )
    assert missing.status_code == 422


def test_web_upload_refuses_a_disguised_file_with_the_field_and_reason(web: Any) -> None:
    response = web.post(
        "/skin/new/",
        {
            "exposed_site": "back_of_hand",
            "exposed_photo": SimpleUploadedFile("hand.jpg", TEXT_AS_JPEG),
            "reference_photo": SimpleUploadedFile("arm.png", png_bytes()),
        },
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "This file is not a photo" in body
    assert 'aria-invalid="true"' in body
    # The disguised file is not stored; the good photo in the other slot is kept.
    assert list(Photo.objects.values_list("role", flat=True)) == ["reference"]
