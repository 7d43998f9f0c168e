"""The skin pages: guidance, upload, regions, result with retake, photos for their owner only,
deletion, the self-report, and constant queries on the Skin page."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.skin.skin_photos import png_bytes, scene

from stepdown.skin.models import Photo, PhotoSession, SkinReport
from stepdown.skin.photos import photo_path

pytestmark = pytest.mark.django_db


def _new_session(web: Client, exposed: bytes, reference: bytes) -> Any:
    return web.post(
        "/skin/new/",
        {
            "exposed_site": "back_of_hand",
            "exposed_photo": SimpleUploadedFile("a.jpg", exposed),
            "reference_photo": SimpleUploadedFile("b.jpg", reference),
            "client_id": str(uuid.uuid4()),
        },
    )


def _regions(session: PhotoSession, **rects: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for role, roi in rects.items():
        data |= {
            f"{role}-kind": "rect",
            f"{role}-x": roi.x,
            f"{role}-y": roi.y,
            f"{role}-width": roi.width,
            f"{role}-height": roi.height,
        }
    return data


def test_pages_need_sign_in(client: Client) -> None:
    for path in ("/skin/", "/skin/new/", "/skin/sessions/1/", "/skin/photos/1/thumb/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/account/login/")


def test_guidance_comes_before_the_upload_with_camera_capture(web: Client) -> None:
    body = web.get("/skin/new/").content.decode()
    for words in (
        "Same place, same light",
        "Indirect daylight",
        "No flash, no filters",
        "colour card",
    ):
        assert words in body
    assert body.index("Before you take the photos") < body.index('type="file"')
    assert body.count('accept="image/*"') == 2
    assert body.count('capture="environment"') == 2
    assert 'enctype="multipart/form-data"' in body
    assert "style=" not in body
    assert "<script>" not in body


def test_upload_draw_and_see_the_result_then_retake(web: Client, person: Any) -> None:
    rendered = scene(melanin=0.3)
    response = _new_session(web, rendered.jpeg, rendered.jpeg)
    assert response.status_code == 302
    session = PhotoSession.objects.get(owner=person)
    assert response["Location"] == f"/skin/sessions/{session.pk}/regions/"

    page = web.get(response["Location"]).content.decode()
    assert page.count("data-region-editor") == 2
    assert "stepdown/skin.js" in page
    # Without an earlier session, the middle 40 % of the 960 × 640 photo is proposed.
    assert 'name="exposed-x" value="288"' in page

    done = web.post(
        response["Location"],
        _regions(session, exposed=rendered.exposed_roi, reference=rendered.reference_roi),
    )
    assert done.status_code == 302
    result = web.get(done["Location"]).content.decode()
    session.refresh_from_db()
    assert session.comparison_ok is True
    assert "This session counts in your trend" in result or "passed the quality checks" in result
    assert re.search(r'data-testid="delta-ita">-1[0-9]\.[0-9]°', result)
    assert "found in the photo" in result
    assert f"/skin/sessions/{session.pk}/retake/exposed/" in result

    retake = web.post(
        f"/skin/sessions/{session.pk}/retake/exposed/",
        {"photo": SimpleUploadedFile("again.jpg", rendered.jpeg)},
    )
    assert retake.status_code == 302
    assert retake["Location"] == f"/skin/sessions/{session.pk}/regions/"
    session.refresh_from_db()
    assert session.delta_ita_deg is None  # the comparison waits for the new photo's region


def test_a_bad_photo_shows_its_quality_messages_and_the_retake_path(web: Client) -> None:
    _new_session(web, png_bytes(800, 600), png_bytes(800, 600))
    session = PhotoSession.objects.get()
    whole = type("R", (), {"x": 0, "y": 0, "width": 800, "height": 600})
    web.post(
        f"/skin/sessions/{session.pk}/regions/", _regions(session, exposed=whole, reference=whole)
    )
    result = web.get(f"/skin/sessions/{session.pk}/").content.decode()
    assert "will not count in your trend" in result
    assert "No colour card was found" in result
    assert "Retake this photo" in result


def test_region_outside_the_photo_is_a_field_error(web: Client) -> None:
    _new_session(web, png_bytes(1000, 800), png_bytes(1000, 800))
    session = PhotoSession.objects.get()
    big = type("R", (), {"x": 500, "y": 0, "width": 900, "height": 10})
    response = web.post(
        f"/skin/sessions/{session.pk}/regions/", _regions(session, exposed=big, reference=big)
    )
    assert response.status_code == 422
    assert "must lie inside the photo (1000 × 800 pixels)" in response.content.decode()


def test_previous_sessions_region_is_proposed_scaled_to_the_new_photo(
    web: Client, person: Any
) -> None:
    _new_session(web, png_bytes(1000, 500), png_bytes(1000, 500))
    first = PhotoSession.objects.get()
    first.taken_at -= dt.timedelta(days=30)
    first.save()
    Photo.objects.filter(session=first).update(
        region={"kind": "rect", "x": 20, "y": 10, "width": 100, "height": 50}
    )
    _new_session(web, png_bytes(2000, 1000), png_bytes(2000, 1000))
    second = PhotoSession.objects.exclude(pk=first.pk).get()
    page = web.get(f"/skin/sessions/{second.pk}/regions/").content.decode()
    # Twice the size: 20,10,100,50 becomes 40,20,200,100.
    assert 'name="exposed-x" value="40"' in page
    assert 'name="exposed-width" value="200"' in page
    assert "The area from your last session is proposed" in page


def test_photos_are_served_to_their_owner_only_and_never_cached(
    web: Client, other_person: Any
) -> None:
    _new_session(web, png_bytes(), png_bytes())
    photo = Photo.objects.filter(role="exposed").get()
    url = f"/skin/photos/{photo.pk}/thumb/"
    response = web.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/jpeg"
    # The address names only a number and a size: no email, name, date or file key.
    assert re.fullmatch(r"/skin/photos/\d+/thumb/", url)
    assert photo.file_key not in url

    intruder = Client()
    intruder.force_login(other_person)
    assert intruder.get(url).status_code == 404
    assert intruder.get(f"/skin/sessions/{photo.session_id}/").status_code == 404
    assert intruder.get(f"/skin/sessions/{photo.session_id}/regions/").status_code == 404
    assert intruder.post(f"/skin/sessions/{photo.session_id}/delete/").status_code == 404
    assert web.get(f"/skin/photos/{photo.pk}/original/").status_code == 404
    assert web.get("/skin/photos/999999/full/").status_code == 404


def test_deleting_from_the_page_removes_the_files(
    web: Client, django_capture_on_commit_callbacks: Any
) -> None:
    _new_session(web, png_bytes(), png_bytes())
    session = PhotoSession.objects.get()
    paths = [photo_path(p.file_key, "full") for p in Photo.objects.all()]
    assert "cannot be undone" in web.get(f"/skin/sessions/{session.pk}/delete/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post(f"/skin/sessions/{session.pk}/delete/")
    assert response.status_code == 302
    assert not PhotoSession.objects.exists()
    assert not any(path.exists() for path in paths)


def test_self_report_is_saved_and_errors_are_shown(web: Client, person: Any) -> None:
    bad = web.post("/skin/reports/", {"sites": ["face"]}, headers={"HX-Request": "true"})
    assert bad.status_code == 422
    assert 'id="report-panel"' in bad.content.decode()
    assert "Please fill this in." in bad.content.decode()
    good = web.post(
        "/skin/reports/",
        {
            "sites": ["face", "neck"],
            "colour": "grey_blue",
            "itching": "on",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert good.status_code == 302
    report = SkinReport.objects.get(owner=person)
    assert (report.sites, report.colour, report.itching, report.tenderness) == (
        ["face", "neck"],
        "grey_blue",
        True,
        False,
    )
    page = web.get("/skin/").content.decode()
    assert "Grey or blue-grey" in page
    assert 'href="/learn/skin-darkening/"' in page


def test_skin_page_queries_do_not_grow_with_history(
    web: Client, person: Any, django_assert_max_num_queries: Any
) -> None:
    def add(count: int) -> None:
        start = PhotoSession.objects.count()
        for index in range(start, start + count):
            session = PhotoSession.objects.create(
                owner=person,
                taken_at=dt.datetime(2023, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=7 * index),
                delta_ita_deg=-10.0 - (index % 3),
                comparison_ok=True,
            )
            for role in ("exposed", "reference"):
                Photo.objects.create(
                    session=session,
                    owner=person,
                    role=role,
                    file_key=uuid.uuid4().hex,
                    width_px=10,
                    height_px=10,
                    byte_size=1,
                    source_format="PNG",
                )

    add(3)
    web.get("/skin/")  # warm the session and user caches
    with django_assert_max_num_queries(12) as few:
        assert web.get("/skin/").status_code == 200
    add(60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = web.get("/skin/").content.decode()
    assert body.count('class="skin-session-link"') == 12  # one page of sessions


def test_upload_pages_still_check_csrf(person: Any) -> None:
    # The upload views install the size cap before Django reads the body, so they are exempt
    # from the middleware's CSRF check and run it themselves; a forged post must still fail.
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    forged = client.post(
        "/skin/new/",
        {
            "exposed_site": "back_of_hand",
            "exposed_photo": SimpleUploadedFile("a.png", png_bytes()),
            "reference_photo": SimpleUploadedFile("b.png", png_bytes()),
        },
    )
    assert forged.status_code == 403
    session = PhotoSession.objects.create(owner=person)
    retake = client.post(
        f"/skin/sessions/{session.pk}/retake/exposed/",
        {"photo": SimpleUploadedFile("a.png", png_bytes())},
    )
    assert retake.status_code == 403
    assert not Photo.objects.exists()
