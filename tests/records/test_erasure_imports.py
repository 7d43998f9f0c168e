"""What an import made for one person's record goes when that person erases their account: the
inactive placeholder account of a clinician the instance did not know, and the memberless clinic
made for each clinic of the file. A placeholder another person's record still names stays until
that record goes too; an account someone has taken up, and every real account, stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.records.export_world import CLINICIAN
from tests.records.import_files import File, export_file

pytestmark = pytest.mark.django_db

STRANGER = "dr.new@example.org"  # a clinician this instance has never heard of


@pytest.fixture
def file(settings: Any, tmp_path: Path) -> File:
    return export_file(settings, tmp_path)


def _renamed(value: Any) -> Any:
    """The file with the clinician under an email unknown here."""
    if isinstance(value, dict):
        return {key: _renamed(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_renamed(inner) for inner in value]
    return STRANGER if value == CLINICIAN else value


def _import_stranger_file(file: File) -> Any:
    from stepdown.records.importing import import_file

    def change(document: dict[str, Any]) -> None:
        renamed = _renamed(document)
        document.clear()
        document.update(renamed)

    path, _ = file.changed(change)
    return import_file(path).owner


def _clinics_of(owner: Any) -> set[int]:
    from stepdown.clinic.models import Consent

    return set(Consent.objects.filter(owner=owner).values_list("clinic_id", flat=True))


def test_the_placeholder_and_the_clinics_an_import_made_go_with_the_person(file: File) -> None:
    from stepdown.accounts.models import User
    from stepdown.clinic.models import Clinic
    from stepdown.records.erasure import erase

    owner = _import_stranger_file(file)
    placeholder = User.objects.get(email=STRANGER)
    assert not placeholder.is_active
    assert not placeholder.has_usable_password()
    clinics = _clinics_of(owner)
    assert clinics
    assert not Clinic.objects.filter(pk__in=clinics, memberships__isnull=False).exists()
    real = set(User.objects.exclude(pk__in=[owner.pk, placeholder.pk]).values_list("pk", flat=True))

    erase(owner)

    assert not User.objects.filter(email=STRANGER).exists()
    assert not Clinic.objects.filter(pk__in=clinics).exists()
    # Everyone else is still there, the world's own clinician among them.
    assert set(User.objects.values_list("pk", flat=True)) == real
    assert User.objects.filter(email=CLINICIAN).exists()
    assert Clinic.objects.filter(name="Riverside Practice").exists()


def test_a_placeholder_another_record_names_stays_until_that_record_goes(file: File) -> None:
    from stepdown.accounts.models import User
    from stepdown.records.erasure import erase

    first = _import_stranger_file(file)
    second = _import_stranger_file(file)
    assert User.objects.filter(email=STRANGER).count() == 1

    erase(first)
    assert User.objects.filter(email=STRANGER).exists()  # the second record still names them

    erase(second)
    assert not User.objects.filter(email=STRANGER).exists()


def test_an_account_taken_up_since_the_import_stays(file: File) -> None:
    from stepdown.accounts.models import User
    from stepdown.records.erasure import erase

    owner = _import_stranger_file(file)
    placeholder = User.objects.get(email=STRANGER)
    placeholder.set_password("now a real pass phrase")
    placeholder.is_active = True
    placeholder.save()

    erase(owner)
    assert User.objects.filter(email=STRANGER).exists()
