"""The skin API: sessions, uploads, regions measured on rendered photos, isolation, deletion."""

from __future__ import annotations

import uuid
from typing import Any

import numpy as np
import pytest
from tests.core.colour.skin_scenes import darken, skin_reflectance, true_ita, true_lab
from tests.core.colour.skin_tolerances import CALIBRATED_SKIN_DELTA_E00, DELTA_ITA_DEG
from tests.skin.skin_photos import measured_session, png_bytes, put_region, scene, upload

from stepdown.core.colour.difference import delta_e_2000
from stepdown.skin.models import Measurement, Photo, PhotoSession
from stepdown.skin.photos import photo_path

pytestmark = pytest.mark.django_db


def test_session_is_created_listed_and_idempotent(api: Any) -> None:
    key = str(uuid.uuid4())
    body = {"exposed_site": "forearm", "notes": "kitchen window", "client_id": key}
    first = api.post("/skin/sessions", body)
    again = api.post("/skin/sessions", body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    listed = api.get("/skin/sessions").json()
    assert listed["count"] == 1
    assert listed["items"][0]["exposed_site"] == "forearm"
    assert listed["items"][0]["comparison"] is None


def test_bad_session_input_is_422_with_the_field(api: Any) -> None:
    response = api.post("/skin/sessions", {"exposed_site": "elbow"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "exposed_site"
    future = api.post("/skin/sessions", {"taken_at": "2999-01-01T00:00:00Z"})
    assert future.status_code == 422
    assert future.json()["detail"][0]["loc"] == ["body", "taken_at"]
    extra = api.post("/skin/sessions", {"exposed_site": "neck", "colour": "blue"})
    assert extra.status_code == 422


def test_measurement_on_a_rendered_photo_is_within_tolerance(api: Any) -> None:
    session = measured_session(api, melanin=0.3)
    reflectance = skin_reflectance("Caucasian")
    darker = darken(reflectance, melanin=0.3)
    photos = {p["site"]: p for p in session["photos"]}
    for site, truth in (("exposed", darker), ("reference", reflectance)):
        m = photos[site]["measurement"]
        assert m["calibration"] == "colour_checker"
        assert m["quality"] == {"ok": True, "reasons": [], "messages": []}
        error = float(delta_e_2000(np.array([m["L"], m["a"], m["b"]]), true_lab(truth)))
        assert error <= CALIBRATED_SKIN_DELTA_E00
        low, high = m["ci95_ita"]
        assert low <= m["ita_deg"] <= high
    comparison = session["comparison"]
    # Truth: ITA(darker) − ITA(skin) ≈ −16° for 0.3 of added melanin on the Caucasian spectrum.
    expected = true_ita(darker) - true_ita(reflectance)
    assert abs(comparison["delta_ita_deg"] - expected) <= DELTA_ITA_DEG
    assert comparison["delta_L"] < 0  # the exposed patch is darker
    assert comparison["quality"]["ok"] is True


def test_polygon_region_measures_the_same_patch(api: Any) -> None:
    rendered = scene(melanin=0.3)
    session = api.post("/skin/sessions", {}).json()
    photo = upload(api, session["id"], rendered.jpeg, "exposed").json()
    roi = rendered.exposed_roi
    # A diamond inside the exposed patch's rectangle.
    cx, cy = roi.x + roi.width / 2, roi.y + roi.height / 2
    points = [[cx, roi.y], [roi.x + roi.width, cy], [cx, roi.y + roi.height], [roi.x, cy]]
    response = put_region(api, photo["id"], {"region": {"kind": "polygon", "points": points}})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["region"]["kind"] == "polygon"
    truth = true_ita(darken(skin_reflectance("Caucasian"), melanin=0.3))
    # Absolute ITA under D65 is within 5° of the truth (skin_tolerances.CALIBRATED_ITA_DEG).
    assert abs(body["measurement"]["ita_deg"] - truth) <= 5.0
    # Half the rectangle's area: roughly 0.5 × width × height pixels inside the diamond.
    assert body["measurement"]["pixels"]["total"] == pytest.approx(
        roi.width * roi.height / 2, rel=0.05
    )


def test_region_outside_the_photo_or_malformed_is_422(api: Any) -> None:
    session = api.post("/skin/sessions", {}).json()
    photo = upload(api, session["id"], png_bytes(640, 480), "exposed").json()
    outside = put_region(
        api, photo["id"], {"region": {"kind": "rect", "x": 600, "y": 0, "width": 50, "height": 10}}
    )
    assert outside.status_code == 422
    assert outside.json()["detail"][0]["loc"] == ["body", "region"]
    for bad in (
        {"region": {"kind": "circle", "r": 3}},
        {"region": {"kind": "polygon", "points": [[1, 1], [2, 2]]}},
        {"region": {"kind": "rect", "x": "1", "y": 0, "width": 5, "height": 5}},
        {
            "region": {"kind": "rect", "x": 0, "y": 0, "width": 5, "height": 5},
            "card_corners": [[1, 1]],
        },
    ):
        assert put_region(api, photo["id"], bad).status_code == 422, bad


def test_a_photo_without_a_card_reports_no_card(api: Any) -> None:
    session = api.post("/skin/sessions", {}).json()
    photo = upload(api, session["id"], png_bytes(900, 600), "exposed").json()
    body = put_region(
        api, photo["id"], {"region": {"kind": "rect", "x": 0, "y": 0, "width": 900, "height": 600}}
    ).json()
    quality = body["measurement"]["quality"]
    assert quality["ok"] is False
    assert "no_card" in quality["reasons"]
    assert any("colour card" in message for message in quality["messages"])


def test_another_persons_session_and_photo_are_404(
    api: Any, other_person: Any, api_for: Any
) -> None:
    session = api.post("/skin/sessions", {}).json()
    photo = upload(api, session["id"], png_bytes(), "exposed").json()
    intruder = api_for(other_person)
    sid, pid = session["id"], photo["id"]
    assert intruder.get(f"/skin/sessions/{sid}").status_code == 404
    assert intruder.delete(f"/skin/sessions/{sid}").status_code == 404
    assert upload(intruder, sid, png_bytes(), "reference").status_code == 404
    region = {"region": {"kind": "rect", "x": 0, "y": 0, "width": 5, "height": 5}}
    assert put_region(intruder, pid, region).status_code == 404
    assert intruder.get(f"/skin/photos/{pid}/image").status_code == 404
    assert intruder.get("/skin/sessions").json()["count"] == 0
    assert PhotoSession.objects.filter(pk=sid).exists()


def test_anonymous_requests_are_401(anonymous_api: Any) -> None:
    assert anonymous_api.get("/skin/sessions").status_code == 401
    assert anonymous_api.get("/skin/trend").status_code == 401


def test_photo_image_is_served_to_its_owner_without_caching(api: Any) -> None:
    session = api.post("/skin/sessions", {}).json()
    photo = upload(api, session["id"], png_bytes(), "exposed").json()
    assert photo["image_url"] == f"/api/v1/skin/photos/{photo['id']}/image"
    response = api.get(f"/skin/photos/{photo['id']}/image", variant="thumb")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    assert api.get(f"/skin/photos/{photo['id']}/image", variant="raw").status_code == 422


def test_deleting_a_session_deletes_its_rows_and_files(
    api: Any, django_capture_on_commit_callbacks: Any
) -> None:
    session = measured_session(api, melanin=0.1, seed=5)
    keys = list(Photo.objects.values_list("file_key", flat=True))
    paths = [photo_path(k, v) for k in keys for v in ("full", "preview", "thumb")]
    assert len(paths) == 6
    assert all(p.exists() for p in paths)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = api.delete(f"/skin/sessions/{session['id']}")
    assert response.status_code == 204
    # Files go only once the deletion has committed.
    assert all(p.exists() for p in paths)
    for callback in callbacks:
        callback()
    assert not any(p.exists() for p in paths)
    assert not Photo.objects.exists()
    assert not Measurement.objects.exists()
    assert api.get(f"/skin/sessions/{session['id']}").status_code == 404


def test_reports_api_round_trip(api: Any) -> None:
    key = str(uuid.uuid4())
    body = {
        "sites": ["face", "back_of_hands"],
        "colour": "grey_blue",
        "itching": True,
        "noticed_since": "2024-03-01",
        "client_id": key,
    }
    first = api.post("/skin/reports", body)
    again = api.post("/skin/reports", body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert api.get("/skin/reports").json()[0]["sites"] == ["face", "back_of_hands"]
    assert api.post("/skin/reports", {"colour": "purple"}).status_code == 422
    assert api.post("/skin/reports", {"colour": "brown", "sites": ["knee"]}).status_code == 422


def test_erasing_the_account_removes_the_photo_files(
    api: Any, person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    session = api.post("/skin/sessions", {}).json()
    upload(api, session["id"], png_bytes(), "exposed")
    path = photo_path(Photo.objects.get().file_key, "thumb")
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        person.delete()
    assert not path.exists()


def test_a_rolled_back_delete_keeps_the_files(
    api: Any, person: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.db import transaction

    session = api.post("/skin/sessions", {}).json()
    upload(api, session["id"], png_bytes(), "exposed")
    path = photo_path(Photo.objects.get().file_key)

    @transaction.atomic
    def delete_then_fail() -> None:
        PhotoSession.objects.filter(pk=session["id"]).delete()
        raise RuntimeError("something failed after the delete")

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
    ):
        delete_then_fail()
    assert callbacks == []  # the rolled-back savepoint dropped the file deletion
    assert path.exists()
    assert Photo.objects.exists()


PHOTO_FIELDS = {
    "id",
    "session_id",
    "site",
    "width",
    "height",
    "byte_size",
    "source_format",
    "uploaded_at",
    "region",
    "card_corners",
    "image_url",
    "measurement",
    "measuring",
}


def test_the_photo_contract_keeps_its_fields_and_adds_problem(client: Any, api: Any) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    photo_out = schema["components"]["schemas"]["PhotoOut"]
    assert set(photo_out["properties"]) == PHOTO_FIELDS | {"problem"}
    assert set(photo_out["required"]) == PHOTO_FIELDS | {"problem"}
    session = api.post("/skin/sessions", {}).json()
    photo = upload(api, session["id"], png_bytes(), "exposed").json()
    assert set(photo) == PHOTO_FIELDS | {"problem"}
    assert photo["problem"] is None
