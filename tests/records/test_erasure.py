"""Erasure (issue #16 §2): after DELETE /api/v1/account nothing of the person is left in any
table or in the media folder but the access log's tombstone, and nobody else's data changed.

The scan does not know where the person's data lives: it walks every model Django knows
(Stepdown's, the packages', the many-to-many tables), every text and JSON column for the
person's email, name and marker, and every column pointing at a user for their id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import models
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from tests.api_client import ApiClient
from tests.conftest import PASSWORD
from tests.mfa_helpers import make_clinician, verified_web
from tests.records.erasure_world import (
    Person,
    assert_every_owned_model_has_rows,
    build_person,
    counts_of,
    leave_traces,
)

from stepdown.accounts.models import User
from stepdown.accounts.services import token_create
from stepdown.audit.chain import verify_log
from stepdown.audit.models import AccessEvent
from stepdown.clinic.models import Clinic
from stepdown.clinic.services import clinic_create
from stepdown.skin.models import Photo

pytestmark = pytest.mark.django_db


def _all_models() -> list[type[models.Model]]:
    return list(apps.get_models(include_auto_created=True))


def scan(person: Person, user_id: int) -> list[str]:
    """Every place the person can still be found, as "table.column: what"."""
    found = []
    for model in _all_models():
        rows = model._base_manager.all()
        table = model._meta.db_table
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                if rows.filter(**{field.attname: user_id}).exists():
                    found.append(f"{table}.{field.column}: the user id")
            elif isinstance(field, models.CharField | models.TextField):
                for needle in person.needles:
                    if rows.filter(**{f"{field.name}__icontains": needle}).exists():
                        found.append(f"{table}.{field.column}: {needle!r}")
            elif isinstance(field, models.JSONField):
                as_text = rows.annotate(scanned=Cast(field.name, models.TextField()))
                for needle in person.needles:
                    if as_text.filter(scanned__icontains=needle).exists():
                        found.append(f"{table}.{field.column}: {needle!r}")
    for session in Session.objects.all():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            found.append(f"django_session: session {session.pk[:6]}…")
    return found


def _files(root: Path) -> set[str]:
    return {path.name for path in root.rglob("*") if path.is_file()}


def _photo_files(root: Path, user: User) -> set[str]:
    keys = list(Photo.objects.filter(owner=user).values_list("file_key", flat=True))
    return {name for name in _files(root) if name.split(".")[0] in keys}


def _cached_keys_of(user_id: int) -> list[str]:
    # The in-memory cache's own keys ("prefix:version:key"); revision keys hold ":<id>:".
    return [key for key in cache._cache if f":{user_id}:" in key]  # type: ignore[attr-defined]


@pytest.fixture
def world(settings: Any, tmp_path: Path, mailoutbox: Any) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path
    lee = make_clinician("lee@riverside.example", display_name="Dr. Lee")
    clinic = clinic_create(name="Riverside Clinic", admin_email=lee.email).clinic
    sam = build_person(
        "quillon@example.org", "Quillon Vantreece", "zq-marker-7731", clinic=clinic, clinician=lee
    )
    alex = build_person(
        "alex@example.org", "Alex Other", "zq-other-5512", clinic=clinic, clinician=lee
    )
    return {"lee": lee, "clinic": clinic, "sam": sam, "alex": alex, "media": tmp_path}


def _erase_by_api(user: User, password: str, capture: Any) -> Any:
    # As after a second factor: clinicians' tokens need one (tests.mfa_helpers.verified_api).
    _, secret = token_create(owner=user, name="erasing", mfa_verified=True)
    api = ApiClient(secret)
    with capture(execute=True):
        return api.client.delete(
            "/api/v1/account",
            data={"password": password},
            content_type="application/json",
            headers=api.headers,
        )


def test_nothing_of_the_person_is_left_but_the_tombstone(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    sam, alex, lee = world["sam"], world["alex"], world["lee"]
    media: Path = world["media"]
    sam_browser = leave_traces(sam)
    before = set(DBTaskResult.objects.values_list("pk", flat=True))
    leave_traces(alex)
    alex_tasks = set(DBTaskResult.objects.values_list("pk", flat=True)) - before
    assert_every_owned_model_has_rows(sam.user)
    # The clinician reads Sam's page (an access event); Sam's Today page is cached.
    clinician = verified_web(lee)
    assert clinician.get(reverse("clinic:patient", args=[sam.user.pk])).status_code == 200
    assert sam_browser.get(reverse("today:today")).status_code == 200
    sam_id = sam.user.pk
    sam_events = AccessEvent.objects.filter(owner=sam.user).count()
    assert sam_events >= 3  # the note, the proposal, the message, the page read
    assert _cached_keys_of(sam_id)
    sam_files, alex_files = _photo_files(media, sam.user), _photo_files(media, alex.user)
    assert sam_files
    assert alex_files
    assert scan(sam, sam_id)  # the scan finds the person while they are there
    alex_before = counts_of(alex.user)
    alex_events = list(AccessEvent.objects.filter(owner=alex.user).values_list("id", "route"))
    response = _erase_by_api(sam.user, PASSWORD, django_capture_on_commit_callbacks)

    assert response.status_code == 204
    assert scan(sam, sam_id) == []
    assert not User.objects.filter(pk=sam_id).exists()
    # Auditlog and admin entries about the account name it by id in a text column.
    from auditlog.models import LogEntry
    from django.contrib.admin.models import LogEntry as AdminLogEntry

    assert not LogEntry.objects.filter(object_pk=str(sam_id), content_type__model="user").exists()
    assert not AdminLogEntry.objects.filter(
        object_id=str(sam_id), content_type__model="user"
    ).exists()
    # Queued tasks: only Alex's are left (Sam's named his id, his photo or his email).
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == alex_tasks
    # The tombstone: as many rows as before, no owner, nothing about what was read.
    tombstones = AccessEvent.objects.exclude(erased_as="")
    assert tombstones.count() == sam_events
    assert {(row.owner_id, tuple(row.data_classes)) for row in tombstones} == {(None, ())}
    assert len({row.erased_as for row in tombstones}) == 1
    assert verify_log().holds
    # The media folder: Sam's photo files are gone, Alex's are all there.
    assert _files(media) & sam_files == set()
    assert alex_files <= _files(media)
    # Nobody else's data changed.
    assert counts_of(alex.user) == alex_before
    assert list(AccessEvent.objects.filter(owner=alex.user).values_list("id", "route")) == (
        alex_events
    )
    assert _cached_keys_of(sam_id) == []
    # The browser that was signed in is signed out.
    assert sam_browser.get(reverse("today:today")).status_code == 302


def test_a_wrong_or_missing_password_is_422_on_its_field_and_erases_nothing(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    sam = world["sam"].user
    _, secret = token_create(owner=sam, name="again")
    before = counts_of(sam) | {"accounts.PersonalAccessToken": 0}
    response = _erase_by_api(sam, "not my password", django_capture_on_commit_callbacks)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
    assert "Nothing was deleted" in response.json()["detail"][0]["msg"]
    missing = Client().delete(
        "/api/v1/account", data={}, content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )  # fmt: skip
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "password"]
    assert counts_of(sam) | {"accounts.PersonalAccessToken": 0} == before


def test_the_page_asks_for_the_password_lists_what_goes_and_signs_out(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    sam = world["sam"].user
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(sam)
    settings_page = browser.get(reverse("accounts:settings")).content.decode()
    assert reverse("erasure:delete") in settings_page
    page = browser.get(reverse("erasure:delete"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "3 doses in your journal" in text
    # One of a kind reads in the singular (it once said "1 skin-photo sessions").
    assert "1 skin-photo session, with its photos on disk" in text
    assert "1 skin-photo sessions" not in text
    assert "What stays" in text
    assert "anonymous number" in text
    assert reverse("records:export") in text  # a copy can be kept before it all goes
    token = browser.cookies["csrftoken"].value
    # Without the CSRF token the POST is refused; a GET never erases.
    assert browser.post(reverse("erasure:delete"), {"password": PASSWORD}).status_code == 403
    wrong = browser.post(
        reverse("erasure:delete"), {"password": "nope", "csrfmiddlewaretoken": token}
    )
    assert wrong.status_code == 422
    assert "That is not your password" in wrong.content.decode()
    assert User.objects.filter(pk=sam.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = browser.post(
            reverse("erasure:delete"), {"password": PASSWORD, "csrfmiddlewaretoken": token}
        )
    assert done.status_code == 302
    assert done["Location"] == reverse("erasure:done")
    assert not User.objects.filter(pk=sam.pk).exists()
    final = browser.get(done["Location"])
    assert final.status_code == 200
    assert "Your account is deleted" in final.content.decode()
    assert sam.email not in final.content.decode()
    assert browser.get(reverse("today:today")).status_code == 302  # signed out
    assert scan(world["sam"], sam.pk) == []  # signing out wrote nothing back about them


def test_the_clinician_no_longer_sees_the_person_on_the_next_request(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    sam, lee = world["sam"].user, world["lee"]
    clinician = verified_web(lee)
    dashboard = reverse("clinic:dashboard")
    assert "Quillon" in clinician.get(dashboard).content.decode()
    patient = reverse("clinic:patient", args=[sam.pk])
    assert clinician.get(patient).status_code == 200
    _erase_by_api(sam, PASSWORD, django_capture_on_commit_callbacks)
    page = clinician.get(dashboard).content.decode()
    assert "Quillon" not in page
    assert "Alex" in page
    assert clinician.get(patient).status_code == 404


def _member(clinic: Clinic, email: str, role: str = "clinician") -> User:
    from tests.clinic.conftest import join

    return join(clinic, email, role)


def test_the_last_admin_of_a_clinic_with_members_must_hand_over_first(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    lee, clinic = world["lee"], world["clinic"]
    kim = _member(clinic, "kim@riverside.example")
    response = _erase_by_api(lee, PASSWORD, django_capture_on_commit_callbacks)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "account"]
    assert "last admin of Riverside Clinic" in response.json()["detail"][0]["msg"]
    assert User.objects.filter(pk=lee.pk).exists()
    # With a second admin, Lee may go; the clinic and its people's consents carry on.
    _member(clinic, "ann@riverside.example", role="admin")
    assert _erase_by_api(lee, PASSWORD, django_capture_on_commit_callbacks).status_code == 204
    assert clinic.consents.filter(revoked_at__isnull=True).count() == 2
    assert kim.clinic_memberships.get().active
    # What Lee wrote into Sam's record stays there, without an author.
    note = world["sam"].user.clinic_notes.get()
    assert note.author_id is None
    assert "clinic note" in note.text


def test_a_clinics_only_member_erasing_closes_it_and_ends_its_consents(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    lee, clinic = world["lee"], world["clinic"]
    assert clinic.consents.filter(revoked_at__isnull=True).count() == 2
    assert _erase_by_api(lee, PASSWORD, django_capture_on_commit_callbacks).status_code == 204
    assert Clinic.objects.filter(pk=clinic.pk).exists()  # the people's records still name it
    assert clinic.consents.filter(revoked_at__isnull=True).count() == 0
    assert not clinic.memberships.exists()
    # Of Lee, only the recipient columns of Sam's and Alex's access logs are left, by design.
    assert set(scan(Person(user=lee, marker="no-marker"), lee.pk)) == {
        "audit_accessevent.actor_id: the user id",
        "audit_accessevent.actor_name: 'Dr. Lee'",
        "audit_accessevent.actor_email: 'lee@riverside.example'",
    }


def test_a_consent_that_named_only_the_erased_clinician_ends(
    world: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    from stepdown.clinic.consents import consent_sign
    from stepdown.clinic.services import patient_invitation_create

    clinic = world["clinic"]
    kim = _member(clinic, "kim@riverside.example")
    ann = _member(clinic, "ann@riverside.example")
    jo = User.objects.create_user("jo@example.org", PASSWORD, display_name="Jo")
    pat = User.objects.create_user("pat@example.org", PASSWORD, display_name="Pat")
    for person, named in ((jo, [kim]), (pat, [kim, ann])):
        _, code = patient_invitation_create(
            clinician=kim, clinic_id=clinic.pk, clinician_ids=[u.pk for u in named]
        )
        consent_sign(
            owner=person,
            invitation_code=code,
            data_classes=("journal",),
            expires_on=None,
            signature=person.display_name,
        )
    assert _erase_by_api(kim, PASSWORD, django_capture_on_commit_callbacks).status_code == 204
    # Without a name left, Jo's consent would cover every clinician of the clinic: it ends.
    assert jo.consents.get().revoked_at is not None
    pats = pat.consents.get()
    assert pats.revoked_at is None
    assert list(pats.clinicians.all()) == [ann]
