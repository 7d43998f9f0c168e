"""Run in an instance's own process (``Instance.module``): migrate, then make the people asked
for, each with an API token. Reads {"count": N, "prefix": "crash"}; prints
[{"email", "password", "token"}, ...]."""

from __future__ import annotations

import json
import sys

PASSWORD = "verify-passphrase-long-enough"


def main() -> None:
    from stepdown.cli.django_setup import setup_django

    setup_django(migrate=True)
    from stepdown.accounts.models import User
    from stepdown.accounts.services import token_create

    asked = json.loads(sys.stdin.read())
    count, prefix = int(asked["count"]), asked["prefix"]
    people = []
    for number in range(count):
        email = f"{prefix}-{number}@example.org"
        user = User.objects.create_user(email, PASSWORD)
        token = token_create(owner=user, name="verify")[1]
        people.append({"email": email, "password": PASSWORD, "token": token})
    print(json.dumps(people))


if __name__ == "__main__":
    main()
