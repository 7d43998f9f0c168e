"""The route matrix's world for schemathesis (tests/route_world.py: the owner with data behind
every route, another person, clinicians with and without the owner's consent), built in the
instance's database by its set-up step (verify/people.py), with API tokens for the owner, the
other person and the clinician the consent names (issued after a second factor, as the API
demands of them)."""

from __future__ import annotations


def build() -> dict[str, str]:
    from tests.route_world import build_world

    from stepdown.accounts.services import token_create

    world = build_world()
    return {
        "owner": token_create(owner=world.users["owner"], name="fuzz")[1],
        "other": token_create(owner=world.users["other_person"], name="fuzz")[1],
        "clinician": token_create(owner=world.users["clin_ok"], name="fuzz", mfa_verified=True)[1],
    }
