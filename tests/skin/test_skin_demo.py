"""``stepdown demo`` with the real queue: it runs the worker's tasks itself (preparing the
uploads, then measuring the regions), so the demo shows measured sessions at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from tests.reminders.conftest import DB_TASKS

from stepdown.demo import create_demo
from stepdown.skin.models import Measurement, Photo, PhotoSession

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_prepares_and_measures_its_skin_sessions(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    with override_settings(TASKS=DB_TASKS):
        email, _ = create_demo(password="demo-password-1")
    photos = Photo.objects.filter(owner__email=email)
    assert PhotoSession.objects.filter(owner__email=email).count() == 3
    assert set(photos.values_list("status", flat=True)) == {Photo.Status.READY}
    assert Measurement.objects.filter(photo__in=photos, ita_deg__isnull=False).count() == 6
    assert PhotoSession.objects.filter(owner__email=email, delta_ita_deg__isnull=False).count() == 3
    assert not list((tmp_path / "media" / "skin").glob("*.upload"))
