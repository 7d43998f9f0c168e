"""The one way to build a per-person cache key."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the person's id and revision are read; web sits below accounts
    from stepdown.accounts.models import User


def revision_key(kind: str, owner: User, *parts: object) -> str:
    """What is cached, whose, at which revision (``accounts.revisions``: it moves with every
    write), and whatever else it depends on (a local date, a minute). Plain text, the same in
    every process (``hash()`` of a tuple is not)."""
    return ":".join((kind, str(owner.pk), str(owner.data_revision), *map(str, parts)))
