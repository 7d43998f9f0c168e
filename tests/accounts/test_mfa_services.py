"""The second factor's rules: set-up is confirmed by a code, a code works once (no replay),
recovery codes are single use, wrong codes are throttled. Codes come from tests/mfa_helpers
(RFC 6238 computed independently of django-otp)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from tests.mfa_helpers import (
    add_confirmed_device,
    add_recovery_codes,
    totp_code,
    totp_from_key,
    totp_from_secret,
)

from stepdown.accounts import mfa
from stepdown.errors import InvalidInput

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2031, 3, 5, 15, 0, 10, tzinfo=dt.UTC)


def _at(seconds: float) -> Any:
    return time_machine.travel(NOW + dt.timedelta(seconds=seconds), tick=False)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_the_helper_matches_rfc_6238s_published_codes() -> None:
    # RFC 6238 appendix B, SHA-1 seed "12345678901234567890", 8 digits.
    key = b"12345678901234567890"
    assert totp_from_key(key, 59, digits=8) == "94287082"
    assert totp_from_key(key, 1111111109, digits=8) == "07081804"
    assert totp_from_key(key, 2000000000, digits=8) == "69279037"


def test_set_up_starts_unconfirmed_and_a_right_code_confirms_it(person: Any) -> None:
    setup = mfa.totp_start(user=person)
    device = TOTPDevice.objects.get(user=person)
    assert device.confirmed is False
    assert setup.otpauth_uri.startswith("otpauth://totp/Stepdown%3Asam%40example.org?")
    assert f"secret={setup.secret}" in setup.otpauth_uri
    assert not mfa.has_confirmed_device(person)
    with pytest.raises(InvalidInput) as wrong:
        mfa.totp_confirm(user=person, code="000000" if totp_code(device) != "000000" else "111111")
    assert wrong.value.field == "code"
    # The app computes the code from the secret it was shown.
    NEXT = NOW + dt.timedelta(seconds=2)  # past the 1 s wait one wrong code costs
    with time_machine.travel(NEXT, tick=False):
        _, codes = mfa.totp_confirm(user=person, code=totp_from_secret(setup.secret))
    assert mfa.has_confirmed_device(person)
    assert len(codes) == 10 == len(set(codes))
    assert mfa.recovery_codes_left(person) == 10


def test_starting_again_replaces_the_unconfirmed_device_but_not_a_confirmed_one(
    person: Any,
) -> None:
    first = mfa.totp_start(user=person)
    second = mfa.totp_start(user=person)
    assert first.secret != second.secret
    assert TOTPDevice.objects.filter(user=person).count() == 1
    mfa.totp_confirm(user=person, code=totp_from_secret(second.secret))
    with pytest.raises(InvalidInput):
        mfa.totp_start(user=person)


def test_a_code_works_once_replaying_it_is_refused(person: Any) -> None:
    device = add_confirmed_device(person)
    code = totp_code(device)
    assert mfa.verify_code(user=person, code=code).pk == device.pk
    with pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code=code)
    # Nor is the previous step's code, though it is within the clock-drift window.
    earlier = totp_code(device, NOW.timestamp() - 30)
    with _at(5), pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code=earlier)


def test_the_next_steps_code_works_after_one_was_used(person: Any) -> None:
    device = add_confirmed_device(person)
    mfa.verify_code(user=person, code=totp_code(device))
    later = NOW + dt.timedelta(seconds=30)
    with time_machine.travel(later, tick=False):
        assert mfa.verify_code(user=person, code=totp_code(device, later.timestamp()))


def test_recovery_codes_work_once_each(person: Any) -> None:
    add_confirmed_device(person)
    add_recovery_codes(person, ["aaaa2bbbb3", "cccc4dddd5"])
    # People copy them with spaces, dashes or capitals.
    assert isinstance(mfa.verify_code(user=person, code="AAAA2-BBBB3"), StaticDevice)
    assert mfa.recovery_codes_left(person) == 1
    with _at(5), pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code="aaaa2bbbb3")


def test_wrong_codes_are_throttled_with_a_growing_wait(person: Any) -> None:
    device = add_confirmed_device(person)
    right = totp_code(device)
    wrong = "123456" if right != "123456" else "654321"
    with pytest.raises(InvalidInput) as first:
        mfa.verify_code(user=person, code=wrong)
    assert not isinstance(first.value, mfa.Throttled)
    # Within the wait even the right code is refused, and says how long to wait.
    with pytest.raises(mfa.Throttled) as throttled:
        mfa.verify_code(user=person, code=right)
    assert throttled.value.field == "code"
    assert "Wait a second," in throttled.value.message
    with _at(2), pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code=wrong)  # a second failure: 2 s now
    with _at(3), pytest.raises(mfa.Throttled):
        mfa.verify_code(user=person, code=right)
    with _at(5):
        assert mfa.verify_code(user=person, code=right).pk == device.pk
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_new_recovery_codes_replace_the_old_ones(person: Any) -> None:
    add_confirmed_device(person)
    add_recovery_codes(person, ["oldcode234"])
    new = mfa.recovery_codes_renew(user=person)
    assert len(new) == 10
    with pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code="oldcode234")
    with _at(5):
        assert mfa.verify_code(user=person, code=new[3])


def test_removing_takes_the_authenticator_and_the_codes(person: Any) -> None:
    device = add_confirmed_device(person)
    add_recovery_codes(person, ["abcdefgh23"])
    mfa.mfa_remove(user=person)
    assert not mfa.has_confirmed_device(person)
    with pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code=totp_code(device))
    with pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code="abcdefgh23")


def test_removing_ends_the_tokens_issued_with_the_factor_but_not_the_others(
    person: Any,
) -> None:
    from stepdown.accounts.models import PersonalAccessToken
    from stepdown.accounts.services import token_create

    add_confirmed_device(person)
    token_create(owner=person, name="after a code", mfa_verified=True)
    token_create(owner=person, name="a script", mfa_verified=False)
    mfa.mfa_remove(user=person)
    revoked = dict(PersonalAccessToken.objects.values_list("name", "revoked_at"))
    assert revoked["after a code"] is not None
    assert revoked["a script"] is None


def test_another_persons_code_does_not_pass(person: Any, other_person: Any) -> None:
    mine = add_confirmed_device(person)
    theirs = add_confirmed_device(other_person)
    # Fixed keys whose codes differ at NOW, so the test cannot pass or fail by chance.
    TOTPDevice.objects.filter(pk=mine.pk).update(key="11" * 20)
    TOTPDevice.objects.filter(pk=theirs.pk).update(key="22" * 20)
    theirs.refresh_from_db()
    assert totp_from_key(b"\x11" * 20, NOW.timestamp()) != totp_code(theirs)
    with pytest.raises(InvalidInput):
        mfa.verify_code(user=person, code=totp_code(theirs))


def test_require_mfa_sets_and_clears_the_flag(person: Any) -> None:
    mfa.require_mfa(person)
    person.refresh_from_db()
    assert person.mfa_required
    mfa.require_mfa(person, required=False)
    person.refresh_from_db()
    assert not person.mfa_required
