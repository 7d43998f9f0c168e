"""What an import made for one person's record alone, and goes when they erase their account.

An import links a clinician named in the file to the target's account with that email; when
there is none it makes a placeholder (inactive, no usable password), so the record keeps who it
was. Each clinic of the file becomes a clinic of its own with no members. Both are remembered
under the person's import bookkeeping (``ImportedRecord``, lists ``people`` and ``clinics``).
When the person is erased, each of them that is still only that (a placeholder never activated
or signed in; a clinic still without members) and that no remaining row refers to goes too: a
placeholder that another person's import also names stays for as long as their record does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from django.db import models

from stepdown.accounts.models import User
from stepdown.clinic.models import Clinic
from stepdown.records.models import ImportedRecord

PEOPLE = "people"
CLINICS = "clinics"


def is_placeholder(user: User) -> bool:
    """An account an import made for a name and email, which no one has taken up."""
    return not user.is_active and user.last_login is None and not user.has_usable_password()


def made_for(owner: User) -> tuple[list[int], list[int]]:
    """(placeholder account ids, clinic ids) the person's imports made or linked."""
    rows = ImportedRecord.objects.filter(owner=owner, table__in=(PEOPLE, CLINICS))
    people = [row.object_id for row in rows if row.table == PEOPLE]
    clinics = [row.object_id for row in rows if row.table == CLINICS]
    return people, clinics


def erase_leftovers(people: Iterable[int], clinics: Iterable[int]) -> int:
    """Delete the placeholders and clinics that nothing refers to any more; how many went."""
    gone = 0
    for user in User.objects.filter(pk__in=list(people)):
        if is_placeholder(user) and not _referenced(user):
            gone += user.delete()[0]
    for clinic in Clinic.objects.filter(pk__in=list(clinics)):
        if not _referenced(clinic):
            gone += clinic.delete()[0]
    return gone


def _referenced(item: models.Model) -> bool:
    """Whether any row (of any app, through any relation) still points at ``item``."""
    for relation in item._meta.related_objects:
        model = cast(type[models.Model], relation.related_model)  # resolved once apps load
        manager = model._base_manager
        if manager.filter(**{relation.field.name: item}).exists():
            return True
    return False
