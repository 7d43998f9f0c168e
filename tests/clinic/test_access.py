"""The one access decision (clinic.access): a clinician sees a person only while a consent in
force covers them, through an active membership, and only the data classes it names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine

from stepdown.clinic.access import consent_for, require_access, require_person
from stepdown.clinic.consents import consent_change, consent_revoke
from stepdown.clinic.services import membership_deactivate
from stepdown.errors import NotFound

pytestmark = pytest.mark.django_db


def _sees(viewer: Any, person: Any) -> bool:
    return consent_for(viewer, person.pk) is not None


def test_a_consent_naming_one_clinician_hides_the_person_from_the_others(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim])
    assert _sees(clinics.kim, person)
    assert not _sees(clinics.lee, person)  # admin of the same clinic, not named
    assert not _sees(clinics.roe, person)
    with pytest.raises(NotFound):
        require_person(clinics.lee, person.pk)


def test_a_consent_naming_no_one_covers_every_treating_clinician_of_that_clinic_only(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    consent = share(person, clinics.riverside)
    assert consent_for(clinics.kim, person.pk) == consent
    assert consent_for(clinics.lee, person.pk) == consent  # an admin treats too
    assert not _sees(clinics.roe, person)  # another clinic


def test_a_person_no_one_shares_is_not_found_for_anyone(clinics: Any, person: Any) -> None:
    for viewer in (clinics.lee, clinics.kim, clinics.roe):
        assert not _sees(viewer, person)


def test_only_the_named_data_classes_are_shared(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    share(person, clinics.riverside, data_classes=("journal", "medicines"))
    assert require_access(clinics.kim, person.pk, "journal").owner_id == person.pk
    assert require_access(clinics.kim, person.pk, "medicines").owner_id == person.pk
    for missing in ("plan", "checkins", "skin", "notes"):
        with pytest.raises(NotFound):
            require_access(clinics.kim, person.pk, missing)


def test_revoking_ends_access_at_once(clinics: Any, person: Any, share: Callable[..., Any]) -> None:
    consent = share(person, clinics.riverside)
    assert _sees(clinics.kim, person)
    consent_revoke(owner=person, consent_id=consent.pk)
    assert not _sees(clinics.kim, person)
    with pytest.raises(NotFound):
        require_access(clinics.kim, person.pk, "journal")


def test_a_deactivated_clinician_sees_no_one_and_the_others_still_do(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    share(person, clinics.riverside, clinicians=[clinics.kim, clinics.lee])
    membership = clinics.kim.clinic_memberships.get()
    membership_deactivate(admin=clinics.lee, membership_id=membership.pk)
    assert not _sees(clinics.kim, person)
    assert _sees(clinics.lee, person)


def test_the_consent_ends_with_its_last_day_where_the_person_lives(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    # Sam lives in Chicago (UTC-6 in January): 10 January ends at 06:00 UTC on the 11th.
    with time_machine.travel(dt.datetime(2031, 1, 5, 12, tzinfo=dt.UTC), tick=False):
        share(person, clinics.riverside, expires_on=dt.date(2031, 1, 10))
    with time_machine.travel(dt.datetime(2031, 1, 11, 5, 59, tzinfo=dt.UTC), tick=False):
        assert _sees(clinics.kim, person)
    with time_machine.travel(dt.datetime(2031, 1, 11, 6, 0, tzinfo=dt.UTC), tick=False):
        assert not _sees(clinics.kim, person)
        with pytest.raises(NotFound):
            require_access(clinics.kim, person.pk, "journal")


def test_a_changed_consent_shares_what_the_new_version_names(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    first = share(person, clinics.riverside, data_classes=("journal", "skin"))
    second = consent_change(
        owner=person,
        consent_id=first.pk,
        data_classes=["journal"],
        expires_on=None,
        signature="Samuel Jones",
    )
    assert consent_for(clinics.kim, person.pk) == second
    with pytest.raises(NotFound):
        require_access(clinics.kim, person.pk, "skin")


def test_a_person_may_share_with_two_clinics_each_seeing_its_own(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    river = share(person, clinics.riverside, data_classes=("journal",))
    hill = share(person, clinics.hillside, data_classes=("plan",))
    assert consent_for(clinics.kim, person.pk) == river
    assert consent_for(clinics.roe, person.pk) == hill
    with pytest.raises(NotFound):
        require_access(clinics.roe, person.pk, "journal")
    consent_revoke(owner=person, consent_id=river.pk)
    assert not _sees(clinics.kim, person)
    assert _sees(clinics.roe, person)


def test_a_closed_account_is_seen_by_no_one(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    from stepdown.accounts.services import user_deactivate

    share(person, clinics.riverside)
    user_deactivate(user=person)
    assert not _sees(clinics.kim, person)


def test_a_clinician_whose_account_closed_sees_no_one(
    clinics: Any, person: Any, share: Callable[..., Any]
) -> None:
    from stepdown.accounts.services import user_deactivate

    share(person, clinics.riverside)
    user_deactivate(user=clinics.kim)
    assert not _sees(clinics.kim, person)
