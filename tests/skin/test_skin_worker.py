"""Measuring runs in the background worker, off the request path: the upload request keeps the
raw file and the request that sets a region answers at once with "measuring"; the worker's
rounds prepare the photo and fill in the result."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from tests.reminders.conftest import DB_TASKS
from tests.skin.skin_photos import png_bytes, put_region, upload

from stepdown.reminders.worker import run_queued_tasks
from stepdown.skin.models import Measurement

# The worker closes the connection it finds after a task, as it would a broken one; inside a
# test's wrapping transaction on PostgreSQL that would end the test's own connection.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_region_is_measured_by_the_worker_not_in_the_request(api: Any, web: Client) -> None:
    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {"uses_card": False}).json()
        photo = upload(api, session["id"], png_bytes(800, 600), "exposed").json()
        assert run_queued_tasks() is True  # the worker prepares the upload
        region = {"kind": "rect", "x": 100, "y": 100, "width": 600, "height": 400}
        answered = put_region(api, photo["id"], {"region": region})
        assert answered.status_code == 200
        assert answered.json()["measuring"] is True
        assert answered.json()["measurement"] is None
        assert not Measurement.objects.exists()
        page = web.get(f"/skin/sessions/{session['id']}/").content.decode()
        assert 'data-testid="measuring"' in page
        assert 'hx-trigger="every 3s"' in page
        assert '<meta http-equiv="refresh"' in page  # without JavaScript

        assert run_queued_tasks() is True

        measured = api.get(f"/skin/sessions/{session['id']}").json()["photos"][0]
        assert measured["measuring"] is False
        assert measured["measurement"]["pixels"]["total"] == 600 * 400
        page = web.get(f"/skin/sessions/{session['id']}/").content.decode()
        assert 'data-testid="measuring"' not in page


def test_a_redrawn_region_is_measured_as_drawn_last(api: Any) -> None:
    with override_settings(TASKS=DB_TASKS):
        session = api.post("/skin/sessions", {"uses_card": False}).json()
        photo = upload(api, session["id"], png_bytes(800, 600), "exposed").json()
        run_queued_tasks()
        for width in (300, 500):
            region = {"kind": "rect", "x": 0, "y": 0, "width": width, "height": 400}
            put_region(api, photo["id"], {"region": region})
        run_queued_tasks()
        measurement = Measurement.objects.get()
        assert measurement.pixels_total == 500 * 400
