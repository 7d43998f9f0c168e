"""One counter per person that moves whenever anything they own changes.

``User.data_revision`` keys every per-person cache (summaries, page content, the goals window,
the alert summary), so a cache can never serve something older than the last write. Rather than
trusting every service to remember, saving or deleting any row a person owns bumps it through
Django's model signals. Writes that bypass signals (``QuerySet.update`` and ``bulk_create``) call
``accounts.services.data_changed`` themselves.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.db.models.signals import post_delete, post_save

from stepdown.accounts.models import User

# Rows without an ``owner`` of their own: the field that leads to the owned parent.
CHILD_OF = {
    "plans.PlanAdjustment": "plan",
    "alerts.AlertEvent": "alert",
    "skin.Measurement": "photo",
    "clinic.Message": "conversation",
}
# Owned rows whose changes no cache shows; bumping for them would only empty caches.
EXEMPT = {
    "accounts.PersonalAccessToken",  # credentials, not health data
    "reminders.SentReminder",  # the worker's record of what it sent
    # Written when someone else reads the person's data: a clinician opening a page must not
    # empty the person's caches, and nothing the person's cached pages show comes from it.
    "audit.AccessEvent",
    # A clinic's own records: they hold no person's data (a consent, which does, is tracked).
    "clinic.Clinic",
    "clinic.Membership",
    "clinic.StaffInvitation",
    "clinic.PatientInvitation",
    # The worker's record of which alerts a clinician was emailed about: no page shows it.
    "clinic.AlertNotice",
    # Worked out from the person's other rows and keyed by their revision: bumping for it would
    # make every summary stale the moment it is stored.
    "clinic.TriageSummary",
    # The import's record of what it brought in (records.importing): bookkeeping, never shown.
    "records.ImportedRecord",
}
# Standard SQL quoting, which SQLite and PostgreSQL share.
_BUMP_SQL = 'UPDATE "accounts_user" SET "data_revision" = "data_revision" + 1 WHERE "id" = %s'


def bump(*, owner_id: int, owner: User | None = None) -> None:
    """Move the counter in the database and on the in-memory person, when the caller has one."""
    # Plain SQL: this runs on every write, and building the same ORM update each time cost
    # several times the statement itself (docs/performance.md).
    with connection.cursor() as cursor:
        cursor.execute(_BUMP_SQL, [owner_id])
    if owner is not None:
        owner.data_revision += 1


def label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def _has_owner(model: type[models.Model]) -> bool:
    try:
        field = model._meta.get_field("owner")
    except FieldDoesNotExist:
        return False
    return field.related_model is User


def tracked_models() -> list[type[models.Model]]:
    """Every Stepdown model whose writes move the counter."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("stepdown.")
        and label(model) not in EXEMPT
        and (_has_owner(model) or label(model) in CHILD_OF)
    ]


def _owner_of(instance: models.Model) -> tuple[int | None, User | None]:
    """The owner's id, and the owner object too when it is already loaded (no query)."""
    parent_field = CHILD_OF.get(label(type(instance)))
    if parent_field is not None:
        instance = getattr(instance, parent_field)
    owner_id = getattr(instance, "owner_id", None)
    loaded = instance._meta.get_field("owner").get_cached_value(instance, None)  # type: ignore[union-attr]
    return owner_id, loaded if isinstance(loaded, User) else None


def _saved(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    owner_id, owner = _owner_of(instance)
    if owner_id is not None:
        bump(owner_id=owner_id, owner=owner)


def _deleted(
    sender: type[models.Model], instance: models.Model, origin: Any = None, **kwargs: Any
) -> None:
    if isinstance(origin, User):
        return  # the whole account is going; nothing is left to cache
    _saved(sender, instance)


def connect() -> None:
    for model in tracked_models():
        uid = f"data-revision:{label(model)}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid, weak=False)
