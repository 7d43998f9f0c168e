"""Erasing an account (GDPR Art. 17): every row and file the person owns goes, at once.

One transaction deletes the account and everything that cascades from it (journal, plans,
check-ins, goals, skin sessions, consents, conversations, tokens, authenticators), and with it
what third-party apps keep about the person outside those rows: sessions, sign-in records
(django-axes), the change log (django-auditlog, the admin's log), queued tasks whose arguments
name them, and staff invitations sent to their address. The access log keeps a tombstone
(``stepdown.audit.tombstones``). Photo files go once the transaction commits (the skin app's
``post_delete`` receiver), and so do the person's cached pages (``erasure_cache``).

Clinics: the last active admin of a clinic that still has other active members must make
another admin first (as when an admin is removed). When the person is a clinic's only active
member, the clinic closes with them: every consent to it still in force is revoked, since no
one is left to treat those who signed. A consent in force that named the person as its only
clinician is revoked too: with no one named it would cover every clinician of the clinic.
What a clinician wrote into other people's records (notes, messages, proposals) stays there
without an author, and the rows in other people's access logs that name them as the recipient
stay as written: they are those people's accounting of disclosures (Art. 17(3)(b)).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.auth import authenticate
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop, ngettext_lazy

from stepdown.accounts.models import User
from stepdown.audit.tombstones import tombstone_owner
from stepdown.clinic.access import in_force
from stepdown.clinic.models import Consent, Conversation, Membership, Role, StaffInvitation
from stepdown.errors import InvalidInput
from stepdown.journal.models import Dose
from stepdown.records.erasure_cache import cached_keys, forget
from stepdown.records.leftovers import erase_leftovers, made_for
from stepdown.skin.models import Photo
from stepdown.web.scalars import Scalar, scalars

WRONG_PASSWORD = gettext_noop("That is not your password. Nothing was deleted.")
LOCKED_OUT = gettext_noop("Too many wrong passwords. Nothing was deleted; try again in an hour.")


@dataclass(frozen=True)
class Erased:
    """What went: rows deleted (all tables), photo files, access-log rows made tombstones."""

    rows: int
    photos: int
    tombstones: int


def account_erase(request: HttpRequest, *, user: User, password: str) -> Erased:
    """Erase the signed-in person's account once they have given their password again.

    The password goes through ``authenticate``, so wrong guesses count towards the lockout as
    at sign-in (someone at an unlocked screen cannot try passwords here for ever)."""
    found = authenticate(request, username=user.email, password=password) if password else None
    if getattr(request, "axes_locked_out", False):
        raise InvalidInput("password", gettext(LOCKED_OUT))
    if found is None or found.pk != user.pk:
        raise InvalidInput("password", gettext(WRONG_PASSWORD))
    return erase(user)


def erasure_blocker(user: User) -> str | None:
    """Why the account cannot be erased yet, in the person's words; ``None`` when it can."""
    for membership in Membership.objects.filter(user=user, active=True, role=Role.ADMIN):
        others = Membership.objects.filter(clinic=membership.clinic_id, active=True).exclude(
            user=user
        )
        if others.exists() and not others.filter(role=Role.ADMIN).exists():
            return gettext(
                "You are the last admin of %(clinic)s, which has other members. Invite another "
                "admin first (Clinic, then Members, role admin), so someone can still manage it."
            ) % {"clinic": membership.clinic.name}
    return None


def erase(user: User) -> Erased:
    """Delete the account and everything of the person's (see the module's notes)."""
    blocker = erasure_blocker(user)
    if blocker:
        raise InvalidInput("account", blocker)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        owned = _owned_ids(user)
        placeholders, clinics = made_for(user)
        photos = len(owned.get(Photo, ()))
        keys = cached_keys(user, owned)  # before the rows that name them go
        _end_clinic_ties(user)
        _delete_sessions(user)
        purged = _purge_third_party(user, owned)
        tombstones = tombstone_owner(owner_id=user.pk).rows
        # Doses in one statement: one by one, each would run the notice rules (alerts) again
        # for an account that is going.
        doses = Dose.objects.filter(owner=user)
        purged += doses._raw_delete(doses.db)
        deleted, _ = user.delete()  # photo files go on commit (skin.signals)
        # What the person's imports made for their record alone, now that it is gone.
        purged += erase_leftovers(placeholders, clinics)
        transaction.on_commit(lambda: forget(keys))
    return Erased(rows=deleted + purged, photos=photos, tombstones=tombstones)


def _owner_models() -> list[type[models.Model]]:
    from django.apps import apps

    found = []
    for model in apps.get_models():
        try:
            field = model._meta.get_field("owner")
        except FieldDoesNotExist:
            continue
        if field.related_model is User and field.concrete:
            found.append(model)
    return found


def _owned_ids(user: User) -> dict[type[models.Model], list[Any]]:
    """The ids of every row with ``owner`` = the person, per model (the access log's aside)."""
    from stepdown.audit.models import AccessEvent

    return {
        model: list(model._default_manager.filter(owner=user).values_list("pk", flat=True))
        for model in _owner_models()
        if model is not AccessEvent
    }


def _end_clinic_ties(user: User) -> None:
    """Revoke the person's consents, and the consents that lose their only clinician."""
    now = timezone.now()
    Consent.objects.filter(owner=user, revoked_at__isnull=True, superseded_at__isnull=True).update(
        revoked_at=now
    )
    # A consent's earlier versions are protected from deletion while a later one points at them.
    Consent.objects.filter(owner=user).update(previous=None)
    alone = [
        membership.clinic_id
        for membership in Membership.objects.filter(user=user, active=True)
        if not Membership.objects.filter(clinic=membership.clinic_id, active=True)
        .exclude(user=user)
        .exists()
    ]
    Consent.objects.filter(in_force(), clinic__in=alone).update(revoked_at=now)
    naming_them = Consent.objects.filter(in_force(), clinicians=user).values("pk")
    # Counted apart from the filter above, which would count only the matching name.
    named_only_them = (
        Consent.objects.filter(pk__in=naming_them)
        .annotate(named=Count("clinicians"))
        .filter(named=1)
        .values_list("pk", flat=True)
    )
    Consent.objects.filter(pk__in=list(named_only_them)).update(revoked_at=now)


def _delete_sessions(user: User) -> None:
    """Every server-side session signed in as the person (the session store has no user column,
    so each session is decoded)."""
    mine = str(user.pk)
    # Expired ones too: they hold the id until ``clearsessions`` runs.
    doomed = [
        session.session_key
        for session in Session.objects.iterator()
        if str(session.get_decoded().get("_auth_user_id")) == mine
    ]
    Session.objects.filter(session_key__in=doomed).delete()


def _purge_third_party(user: User, owned: dict[type[models.Model], list[Any]]) -> int:
    """Rows about the person kept by the packages Stepdown uses; returns how many went."""
    from auditlog.models import LogEntry
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    email = user.email
    count: int = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        count += model.objects.filter(username__iexact=email).delete()[0]
    about = Q(actor=user) | Q(actor_email__iexact=email)
    admin_about = Q(user=user)
    targets: list[tuple[type[models.Model], list[Any]]] = [(User, [user.pk]), *owned.items()]
    for model, ids in targets:
        if ids:
            kind = ContentType.objects.get_for_model(model)
            keys = [str(pk) for pk in ids]
            about |= Q(content_type=kind, object_pk__in=keys)
            admin_about |= Q(content_type=kind, object_id__in=keys)
    count += int(LogEntry.objects.filter(about).delete()[0])
    count += AdminLogEntry.objects.filter(admin_about).delete()[0]
    count += StaffInvitation.objects.filter(email__iexact=email).delete()[0]
    count += _purge_tasks(user, owned)
    return count


def _purge_tasks(user: User, owned: dict[type[models.Model], list[Any]]) -> int:
    """Queued and finished background tasks whose arguments name the person: their email, their
    id, or one of their photos, alerts, conversations or invitations."""
    from django_tasks_db.models import DBTaskResult

    from stepdown.alerts.models import Alert

    invitations = set(
        StaffInvitation.objects.filter(email__iexact=user.email).values_list("pk", flat=True)
    )
    by_key: dict[str, set[Any]] = {
        "owner_id": {user.pk},
        "user_id": {user.pk},
        "person_id": {user.pk},
        "photo_id": set(owned.get(Photo, ())),
        "alert_ids": set(owned.get(Alert, ())),
        "alert_id": set(owned.get(Alert, ())),
        "conversation_id": set(owned.get(Conversation, ())),
        "invitation_id": invitations,
    }
    email = user.email.lower()
    doomed = [
        row.pk
        for row in DBTaskResult.objects.only("id", "args_kwargs").iterator()
        if _mentions(row.args_kwargs, email, by_key)
    ]
    if not doomed:
        return 0
    deleted: int = DBTaskResult.objects.filter(pk__in=doomed).delete()[0]
    return deleted


def _mentions(value: object, email: str, by_key: dict[str, set[Any]], key: str = "") -> bool:
    if isinstance(value, dict):
        return any(_mentions(inner, email, by_key, str(k)) for k, inner in value.items())
    if isinstance(value, list | tuple):
        return any(_mentions(inner, email, by_key, key) for inner in value)
    if isinstance(value, str):
        return email in value.lower()
    return isinstance(value, int) and value in by_key.get(key, ())


# Each kind of record erasing deletes: the person's relation to it, and how a count of it reads.
WHAT_GOES = (
    ("doses", ngettext_lazy("%(n)d dose in your journal", "%(n)d doses in your journal", "n")),
    ("products", ngettext_lazy("%(n)d product", "%(n)d products", "n")),
    (
        "substance_uses",
        ngettext_lazy("%(n)d other substance you logged", "%(n)d other substances you logged", "n"),
    ),
    (
        "plans",
        ngettext_lazy(
            "%(n)d taper plan, with its steps and changes",
            "%(n)d taper plans, with their steps and changes",
            "n",
        ),
    ),
    (
        "checkin_responses",
        ngettext_lazy(
            "%(n)d questionnaire answer or check-in",
            "%(n)d questionnaire answers and check-ins",
            "n",
        ),
    ),
    (
        "skin_sessions",
        ngettext_lazy(
            "%(n)d skin-photo session, with its photos on disk",
            "%(n)d skin-photo sessions, with the photos on disk",
            "n",
        ),
    ),
    ("alerts", ngettext_lazy("%(n)d alert or nudge", "%(n)d alerts and nudges", "n")),
    ("medicines", ngettext_lazy("%(n)d medicine you listed", "%(n)d medicines you listed", "n")),
    (
        "consents",
        ngettext_lazy(
            "%(n)d consent to share with a clinic", "%(n)d consents to share with a clinic", "n"
        ),
    ),
    (
        "clinic_conversations",
        ngettext_lazy("%(n)d conversation with a clinic", "%(n)d conversations with a clinic", "n"),
    ),
    ("api_tokens", ngettext_lazy("%(n)d API token", "%(n)d API tokens", "n")),
)


def _count(user: User, relation: str) -> Scalar:
    rel = User._meta.get_field(relation)
    table, column = rel.related_model._meta.db_table, rel.field.column  # type: ignore[union-attr]
    return Scalar(f'SELECT COUNT(*) FROM "{table}" WHERE "{column}" = %s', (user.pk,))  # noqa: S608


def what_goes(user: User) -> list[str]:
    """What erasing deletes, for the confirmation page: one line per kind of record the person
    has, with its count in the right number (kinds with none left out). One statement for all
    the counts (``web.scalars``)."""
    counts = scalars(*(_count(user, relation) for relation, _words in WHAT_GOES))
    return [
        str(words % {"n": n}) for n, (_relation, words) in zip(counts, WHAT_GOES, strict=True) if n
    ]
