"""The upload request checks only the header and keeps the raw file; the real worker (the
database queue, run by ``run_queued_tasks`` as ``stepdown worker`` runs it) decodes, cleans,
stores and, when it cannot, says why on the page and in the API.

A 116 KB all-black 6300 × 6300 PNG once took ~21 s and ~3 GB in the request; now the request
does no decoding at all, which these tests check by what exists when the request has answered.
"""

from __future__ import annotations

import datetime as dt
import io
import stat
import struct
import uuid
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image
from tests.reminders.conftest import DB_TASKS
from tests.skin.skin_photos import png_bytes, put_region, upload

from stepdown.core.colour.decoding import MEASUREMENT_LONG_SIDE_PX
from stepdown.reminders.worker import run_queued_tasks
from stepdown.skin.models import Photo, PhotoSession
from stepdown.skin.photos import MAX_UPLOAD_BYTES, prepare_photo

# The worker closes the connection it finds after a task; inside a test's wrapping transaction
# on PostgreSQL that would end the test's own connection.
pytestmark = pytest.mark.django_db(transaction=True)

REGION = {"kind": "rect", "x": 100, "y": 100, "width": 400, "height": 300}


@pytest.fixture(autouse=True)
def _own_media_root(settings: Any, tmp_path: Path) -> None:
    """A media folder of this test's own, so the files listed are this test's files."""
    settings.MEDIA_ROOT = tmp_path / "media"


def _skin_files() -> list[str]:
    folder = Path(settings.MEDIA_ROOT) / "skin"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _issue_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (6300, 6300), 0).save(buffer, format="PNG")
    return buffer.getvalue()


def _undecodable_png(width: int = 800, height: int = 600) -> bytes:
    """Right checksums everywhere, garbage where the compressed pixels should be."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = b"\x78\x9c" + b"\xff" * 500
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def test_an_upload_is_kept_raw_and_private_until_the_worker_prepares_it(api: Any) -> None:
    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {"uses_card": False}).json()
        answered = upload(api, session["id"], png_bytes(800, 600), "exposed")
        assert answered.status_code == 201
        photo = answered.json()
        assert photo["measuring"] is True
        assert photo["problem"] is None
        assert photo["measurement"] is None
        assert (photo["width"], photo["height"]) == (800, 600)
        key = Photo.objects.get(pk=photo["id"]).file_key
        assert _skin_files() == [f"{key}.upload"]
        raw = Path(settings.MEDIA_ROOT) / "skin" / f"{key}.upload"
        assert stat.S_IMODE(raw.stat().st_mode) == 0o600
        # No region until the photo is ready: its stored size is what regions are drawn on.
        early = put_region(api, photo["id"], {"region": REGION})
        assert early.status_code == 422
        assert early.json()["detail"][0]["loc"] == ["body", "region"]
        assert "still being prepared" in early.json()["detail"][0]["msg"]

        assert run_queued_tasks() is True

        ready = api.get(f"/skin/sessions/{session['id']}").json()["photos"][0]
        assert ready["measuring"] is False
        assert ready["problem"] is None
        assert (ready["width"], ready["height"]) == (800, 600)
        assert _skin_files() == sorted([f"{key}.jpg", f"{key}.preview.jpg", f"{key}.thumb.jpg"])
        assert put_region(api, photo["id"], {"region": REGION}).json()["measuring"] is True
        run_queued_tasks()
        measured = api.get(f"/skin/sessions/{session['id']}").json()["photos"][0]
        assert measured["measurement"]["pixels"]["total"] == 400 * 300


def test_the_reported_file_is_not_decoded_in_the_request(web: Client, person: Any) -> None:
    data = _issue_png()
    assert len(data) < 200_000
    with override_settings(TASKS=DB_TASKS):
        response = web.post(
            "/skin/new/",
            {
                "exposed_site": "back_of_hand",
                "exposed_photo": SimpleUploadedFile("a.png", data),
                "reference_photo": SimpleUploadedFile("b.png", data),
                "client_id": str(uuid.uuid4()),
            },
        )
        assert response.status_code == 302
        photos = list(Photo.objects.filter(owner=person))
        assert {p.status for p in photos} == {Photo.Status.PROCESSING}
        # Nothing decoded yet: only the two raw uploads exist, and the promised size is the
        # measurement resolution.
        assert all(name.endswith(".upload") for name in _skin_files())
        assert {(p.width_px, p.height_px) for p in photos} == {(MEASUREMENT_LONG_SIDE_PX,) * 2}
        page = web.get(response["Location"])
        assert 'data-testid="preparing"' in page.content.decode()
        assert 'data-testid="measure"' not in page.content.decode()

        assert run_queued_tasks() is True

        photos = list(Photo.objects.filter(owner=person))
        assert {p.status for p in photos} == {Photo.Status.READY}
        assert {(p.width_px, p.height_px) for p in photos} == {(MEASUREMENT_LONG_SIDE_PX,) * 2}
        assert not any(name.endswith(".upload") for name in _skin_files())
        page = web.get(response["Location"]).content.decode()
        assert 'data-testid="preparing"' not in page
        assert 'data-testid="measure"' in page


def test_the_notice_polls_its_page_and_asks_for_a_reload_when_done(
    web: Client, api: Any, django_assert_num_queries: Any
) -> None:
    poll = {"HX-Request": "true"}
    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {"uses_card": False}).json()
        upload(api, session["id"], png_bytes(800, 600), "exposed")
        url = f"/skin/sessions/{session['id']}/regions/"
        page = web.get(url).content.decode()
        assert f'hx-get="{url}?poll=1"' in page
        assert 'hx-trigger="every 3s"' in page
        with django_assert_num_queries(4):  # session, user, the session and its photos
            still = web.get(url + "?poll=1", headers=poll)
        assert still.status_code == 200
        assert 'data-testid="preparing"' in still.content.decode()
        assert "<html" not in still.content.decode()
        run_queued_tasks()
        done = web.get(url + "?poll=1", headers=poll)
        assert done.headers["HX-Refresh"] == "true"


def test_a_photo_the_worker_cannot_read_fails_with_a_plain_problem(api: Any, web: Client) -> None:
    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {"uses_card": False}).json()
        photo = upload(api, session["id"], _undecodable_png(), "exposed").json()
        assert photo["measuring"] is True
        run_queued_tasks()
        failed = api.get(f"/skin/sessions/{session['id']}").json()["photos"][0]
        assert failed["measuring"] is False
        assert failed["problem"] == "The photo could not be read; it may be damaged."
        assert _skin_files() == []  # the raw upload is gone too
        assert Photo.objects.get(pk=photo["id"]).byte_size == 0
        refused = put_region(api, photo["id"], {"region": REGION})
        assert refused.status_code == 422
        assert "could not be read" in refused.json()["detail"][0]["msg"]
        page = web.get(f"/skin/sessions/{session['id']}/").content.decode()
        assert 'data-testid="problem-exposed"' in page
        assert "could not be read; it may be damaged" in page
        regions = web.get(f"/skin/sessions/{session['id']}/regions/").content.decode()
        assert "could not be read; it may be damaged" in regions
        # A retake replaces it and is prepared as usual.
        upload(api, session["id"], png_bytes(800, 600), "exposed")
        run_queued_tasks()
        retaken = api.get(f"/skin/sessions/{session['id']}").json()["photos"][0]
        assert retaken["problem"] is None


def test_a_png_with_a_damaged_chunk_is_refused_in_the_request(api: Any) -> None:
    damaged = bytearray(png_bytes(800, 600, colour=(10, 200, 30)))
    damaged[len(damaged) // 2] ^= 0xFF
    session = api.post("/skin/sessions", {}).json()
    refused = upload(api, session["id"], bytes(damaged), "exposed")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "file"]
    assert "damaged" in refused.json()["detail"][0]["msg"]
    assert not Photo.objects.exists()


def test_raw_uploads_waiting_for_the_worker_count_against_the_quota(
    api: Any, settings: Any
) -> None:
    settings.SKIN_QUOTA_MB = 1
    noisy = io.BytesIO()
    Image.effect_noise((600, 600), 90).convert("RGB").save(noisy, format="PNG")
    data = noisy.getvalue()
    assert 0.5 * 1048576 < len(data) < min(1048576, MAX_UPLOAD_BYTES)
    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {}).json()
        assert upload(api, session["id"], data, "exposed").status_code == 201
        refused = upload(api, session["id"], data, "reference")
        assert refused.status_code == 422
        assert "1 MB this server keeps for each person" in refused.json()["detail"][0]["msg"]
        assert Photo.objects.count() == 1


def test_a_stored_copy_that_would_pass_the_quota_fails_with_the_quota_message(
    api: Any, person: Any, settings: Any
) -> None:
    # A small PNG of many pixels makes a larger stored JPEG: the worker checks the quota again.
    data = png_bytes(3000, 2000, colour=(190, 140, 115))
    stored = len(prepare_photo(data=data).full_jpeg)
    assert stored > len(data)
    settings.SKIN_QUOTA_MB = 1
    room = (len(data) + stored) // 2
    filler = PhotoSession.objects.create(owner=person)
    Photo.objects.create(
        session=filler,
        owner=person,
        role="exposed",
        file_key=uuid.uuid4().hex,
        width_px=640,
        height_px=480,
        byte_size=1048576 - room,
        source_format="PNG",
    )
    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {}).json()
        photo = upload(api, session["id"], data, "exposed").json()
        run_queued_tasks()
        failed = api.get(f"/skin/sessions/{session['id']}").json()["photos"][0]
        assert "1 MB this server keeps for each person" in failed["problem"]
        assert Photo.objects.get(pk=photo["id"]).status == Photo.Status.FAILED


def test_an_upload_whose_worker_stopped_mid_way_is_prepared_after_the_next_start(
    api: Any,
) -> None:
    """A worker killed while preparing leaves its task RUNNING, and the queue never runs it
    again; the daily job (which the worker also runs when it starts) queues the photo again."""
    from django_tasks_db.models import DBTaskResult

    from stepdown.jobs import run_daily_jobs

    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {"uses_card": False}).json()
        photo_id = upload(api, session["id"], png_bytes(800, 600), "exposed").json()["id"]
        DBTaskResult.objects.update(status="RUNNING")  # what the killed worker left behind
        run_queued_tasks()  # a RUNNING task is not picked up again
        assert Photo.objects.get(pk=photo_id).status == Photo.Status.PROCESSING

        # Minutes later than the upload: not a photo a live worker is still busy with.
        later = Photo.objects.get(pk=photo_id).uploaded_at + dt.timedelta(minutes=11)
        soon = Photo.objects.get(pk=photo_id).uploaded_at + dt.timedelta(minutes=1)
        assert run_daily_jobs(now=soon).photos_resumed == 0
        assert run_daily_jobs(now=later).photos_resumed == 1
        assert run_queued_tasks() is True
        assert Photo.objects.get(pk=photo_id).status == Photo.Status.READY
        # Ready photos are never queued again.
        assert run_daily_jobs(now=later + dt.timedelta(days=1)).photos_resumed == 0
