"""Each request's session and person are read in plain SQL (accounts/sessions.py and
PersonBackend): the same values Django's own ``sessions.backends.db`` and ``ModelBackend`` give,
the same refusals, in one statement each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db as django_db
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.conftest import PASSWORD

from stepdown.accounts.backends import PersonBackend
from stepdown.accounts.models import User
from stepdown.accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def _stored(data: dict[str, Any], *, expires_in: dt.timedelta = dt.timedelta(hours=1)) -> str:
    store = django_db.SessionStore()
    store.update(data)
    store.set_expiry(int(expires_in.total_seconds()))
    store.save()
    assert store.session_key is not None
    return store.session_key


def test_a_stored_session_reads_as_djangos_store_reads_it() -> None:
    key = _stored({"_auth_user_id": "7", "note": "été", "count": 3})
    ours, theirs = SessionStore(key), django_db.SessionStore(key)
    assert (
        dict(ours.items())
        == dict(theirs.items())
        == {
            "_auth_user_id": "7",
            "note": "été",
            "count": 3,
            "_session_expiry": 3600,
        }
    )
    assert ours.session_key == theirs.session_key == key
    row, expected = ours._get_session_from_db(), theirs._get_session_from_db()
    assert row is not None
    assert expected is not None
    assert (row.session_key, row.session_data, row.expire_date) == (
        expected.session_key,
        expected.session_data,
        expected.expire_date,
    )


@pytest.mark.parametrize("key", ["x" * 32, "short", ""])
def test_an_unknown_key_gives_an_empty_session_without_a_key(key: str) -> None:
    _stored({"_auth_user_id": "7"})
    ours, theirs = SessionStore(key), django_db.SessionStore(key)
    assert dict(ours.items()) == dict(theirs.items()) == {}
    assert ours.session_key is theirs.session_key is None


def test_an_expired_session_is_not_read() -> None:
    key = _stored({"_auth_user_id": "7"}, expires_in=dt.timedelta(seconds=-1))
    ours = SessionStore(key)
    assert dict(ours.items()) == {}
    assert ours.session_key is None
    # Saving it again makes a new session under a new key, never the expired one's.
    ours["again"] = True
    ours.save()
    assert ours.session_key not in {None, key}


def test_a_session_is_read_in_one_statement(django_assert_num_queries: Any) -> None:
    key = _stored({"_auth_user_id": "7"})
    with django_assert_num_queries(1):
        assert SessionStore(key)["_auth_user_id"] == "7"


def test_the_person_is_the_one_djangos_backend_finds(person: Any) -> None:
    person.last_login = timezone.now()
    person.save()
    ours, theirs = PersonBackend().get_user(person.pk), ModelBackend().get_user(person.pk)
    assert ours is not None
    assert theirs is not None
    for field in User._meta.concrete_fields:
        name = field.attname
        assert getattr(ours, name) == getattr(theirs, name), name
    assert ours.zone == theirs.zone  # type: ignore[attr-defined]
    assert ours._state.adding is theirs._state.adding is False


def test_no_person_for_a_closed_or_missing_account(person: Any) -> None:
    missing = person.pk + 1000
    assert PersonBackend().get_user(missing) is ModelBackend().get_user(missing) is None
    person.is_active = False
    person.save()
    assert PersonBackend().get_user(person.pk) is ModelBackend().get_user(person.pk) is None


def test_the_person_is_read_in_one_statement(person: Any, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(1):
        assert PersonBackend().get_user(person.pk) == person


def test_a_signed_in_page_and_signing_out(person: Any) -> None:
    """Through the whole stack: the password sign-in names this backend, the pages know the
    person, and after signing out the old cookie opens nothing."""
    client = Client()
    signed_in = client.post(
        reverse("accounts:login"), {"username": person.email, "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    assert client.session["_auth_user_backend"] == "stepdown.accounts.backends.PersonBackend"
    assert client.get(reverse("today:today")).status_code == 200
    cookie = client.cookies["sessionid"].value
    client.post(reverse("accounts:logout"))
    stale = Client()
    stale.cookies["sessionid"] = cookie
    assert stale.get(reverse("today:today")).status_code == 302
