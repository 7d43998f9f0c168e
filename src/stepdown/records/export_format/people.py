"""How a row names an account: ``"self"`` for the person, ``null``, or someone else's name and
email (a clinician), since account ids mean nothing on another instance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stepdown.accounts.models import User

SELF = "self"


def person_ref(user: User | None, owner: User) -> Any:
    if user is None:
        return None
    if user.pk == owner.pk:
        return SELF
    return {"name": user.display_name, "email": user.email}
