"""Run in an instance's own process (``Instance.module``): migrate, build the route matrix's
world (tests/route_world.py: the owner with data behind every route, another person, clinicians
with and without the owner's consent) and print API tokens for the owner, the other person and
the clinician the consent names (issued after a second factor, as the API demands of them)."""

from __future__ import annotations

import json


def main() -> None:
    from stepdown.cli.django_setup import setup_django

    setup_django(migrate=True)
    from tests.route_world import build_world

    from stepdown.accounts.services import token_create

    world = build_world()
    tokens = {
        "owner": token_create(owner=world.users["owner"], name="fuzz")[1],
        "other": token_create(owner=world.users["other_person"], name="fuzz")[1],
        "clinician": token_create(owner=world.users["clin_ok"], name="fuzz", mfa_verified=True)[1],
    }
    print(json.dumps(tokens))


if __name__ == "__main__":
    main()
