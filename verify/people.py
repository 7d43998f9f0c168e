"""Run in an instance's own process (``Instance.module``), once per instance: migrate, then make
every probe's people, each with an API token, and, when asked, the route matrix's world for
schemathesis (verify/fuzz_world.py). One process for all of it: each Django start costs seconds
on a busy machine. Reads {"migrate": bool, "people": {"crash": 8, ...}, "world": bool}; prints
{"people": {"crash": [{"email", "password", "token"}, ...], ...}, "world": {...} or null}."""

from __future__ import annotations

import json
import sys
from typing import Any

PASSWORD = "verify-passphrase-long-enough"


def make_people(counts: dict[str, int]) -> dict[str, list[dict[str, str]]]:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from stepdown.accounts.models import User
    from stepdown.accounts.services import token_create

    # One Argon2 hash (~0.1 s by design, more on a busy machine) for everyone: each person still
    # signs in with PASSWORD, and the probes make 36 of them.
    hashed = make_password(PASSWORD)
    made: dict[str, list[dict[str, str]]] = {}
    with transaction.atomic():
        for prefix, count in counts.items():
            made[prefix] = []
            for number in range(count):
                email = f"{prefix}-{number}@example.org"
                user = User.objects.create_user(email)
                user.password = hashed
                user.save(update_fields=["password"])
                token = token_create(owner=user, name="verify")[1]
                made[prefix].append({"email": email, "password": PASSWORD, "token": token})
    return made


def main() -> None:
    from stepdown.cli.django_setup import setup_django

    asked = json.loads(sys.stdin.read())
    setup_django(migrate=bool(asked.get("migrate")))
    found: dict[str, Any] = {"people": make_people(asked.get("people", {})), "world": None}
    if asked.get("world"):
        from verify.fuzz_world import build

        found["world"] = build()
    print(json.dumps(found))


if __name__ == "__main__":
    main()
