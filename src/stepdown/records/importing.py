"""``stepdown import``: an export ZIP read back into an account, in one transaction.

A damaged or foreign file raises :class:`ImportRefused` (one sentence) before anything is
written or rolls everything back. Importing the same file again adds nothing: each row an import
creates or matches is remembered under a key made of the file's ``origin``, the list and the
row's id in the file (``ImportedRecord``); a row whose ``client_id`` (idempotency key) is
already on the target, or whose natural twin is (the goal, a medicine of the same name), is
matched instead of copied.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, models, transaction
from django.utils.translation import gettext as _

from stepdown.accounts.models import LANGUAGE_CHOICES, User
from stepdown.clinic.models import Clinic
from stepdown.errors import InvalidInput
from stepdown.records.export_format import FORMAT, TABLES, VERSION
from stepdown.records.export_format.people import SELF
from stepdown.records.export_format.table import Cleaner, Row, Table, decode
from stepdown.records.exporting import JSON_NAME
from stepdown.records.leftovers import CLINICS, PEOPLE, is_placeholder
from stepdown.records.models import ImportedRecord
from stepdown.skin.photos import (
    MAX_UPLOAD_BYTES,
    PhotoRejected,
    check_upload,
    delete_photo_files,
    new_photo_key,
    prepare_photo,
    write_photo_files,
)

# The most of stepdown.json an import reads: it is parsed whole, and parsed rows take several
# times their size in memory. Ten years of twenty doses a day is about 26 MB of it.
MAX_JSON_BYTES = 128 * 1024 * 1024


class ImportRefused(Exception):
    """The file cannot be imported; the message says why in one sentence, in the active
    language (the command line sets it)."""


def _damaged(detail: str) -> str:
    """The export's data file is damaged, and where: table and field names stay as the export
    format writes them (docs/data.md), in either language."""
    return _("%(name)s is damaged (%(detail)s)") % {"name": JSON_NAME, "detail": detail}


def _not_valid(where: str, name: str) -> str:
    return _damaged(_("%(where)s: %(field)s is not valid") % {"where": where, "field": name})


@dataclass
class ImportResult:
    owner: User
    created_account: bool
    created: Counter[str] = field(default_factory=Counter)
    matched: int = 0

    @property
    def added(self) -> int:
        return sum(self.created.values())


@dataclass
class ImportContext:
    """One import under way: the target account, the file, and the ids it has mapped."""

    owner: User
    origin: str
    archive: zipfile.ZipFile
    result: ImportResult
    ids: dict[str, dict[Any, int]] = field(default_factory=dict)
    clinics: dict[Any, Clinic] = field(default_factory=dict)
    written_photos: list[str] = field(default_factory=list)

    def key(self, table: str, export_id: Any) -> str:
        return hashlib.sha256(f"{self.origin}\n{table}\n{export_id}".encode()).hexdigest()

    def pk(self, table: str, export_id: Any) -> int | None:
        if export_id is None:
            return None
        try:
            return self.ids[table][export_id]
        except KeyError:
            raise ImportRefused(
                _("a row points to %(table)s #%(id)s, which the file lacks")
                % {"table": table, "id": export_id}
            ) from None

    def person(self, value: Any) -> User | None:
        """The account a row names: the person, or someone else by email (an inactive account
        without a password is made for a clinician this instance does not know). A placeholder
        is remembered under the person's import, so erasing them erases it (``leftovers``)."""
        if value is None:
            return None
        if value == SELF:
            return self.owner
        if not isinstance(value, dict) or not isinstance(value.get("email"), str):
            raise ImportRefused(_("a row names a person in a form Stepdown does not know"))
        email = value["email"].strip().lower()
        user = User.objects.filter(email=email).first()
        if user is None:
            name = str(value.get("name") or "")[:80]
            user = User(email=email, display_name=name, is_active=False)
            user.set_unusable_password()
            _clean(user, "account")
            user.save()
        if user.pk != self.owner.pk and is_placeholder(user):
            ImportedRecord.objects.get_or_create(
                owner=self.owner,
                key=self.key(PEOPLE, email),
                defaults={"table": PEOPLE, "object_id": user.pk},
            )
        return user

    def clinic(self, value: Any) -> Clinic:
        """A clinic of the file as a clinic of its own here, with no members: what the person
        signed stays on record and grants nobody on this instance anything."""
        if not isinstance(value, dict) or "id" not in value:
            raise ImportRefused(_("a row names a clinic in a form Stepdown does not know"))
        if value["id"] in self.clinics:
            return self.clinics[value["id"]]
        key = self.key(CLINICS, value["id"])
        known = ImportedRecord.objects.filter(owner=self.owner, key=key).first()
        clinic = Clinic.objects.filter(pk=known.object_id).first() if known else None
        if clinic is None:
            clinic = Clinic(name=str(value.get("name") or "")[:120] or "Imported clinic")
            clinic.save()
            ImportedRecord.objects.create(
                owner=self.owner, key=key, table=CLINICS, object_id=clinic.pk
            )
        self.clinics[value["id"]] = clinic
        return clinic

    def photo_key(self, name: str) -> str:
        """Store the file's photo ``name`` under a new random key (one without a file gets a
        key and no files, as a photo that failed processing has)."""
        if not name:
            return new_photo_key()
        try:
            data = _read_bounded(self.archive, name, MAX_UPLOAD_BYTES)
            check_upload(data=data)
            prepared = prepare_photo(data=data)
        except KeyError:
            raise ImportRefused(
                _("the photo %(name)s is missing from the file") % {"name": name}
            ) from None
        except (PhotoRejected, ValueError, OSError, zipfile.BadZipFile):
            raise ImportRefused(
                _("the photo %(name)s is not a photo Stepdown can read") % {"name": name}
            ) from None
        # The stored JPEG as it was; only the smaller copies are made anew.
        kept = dataclasses.replace(prepared, full_jpeg=data)
        key = write_photo_files(kept)
        self.written_photos.append(key)
        return key


def import_file(path: Path, *, into: User | None = None) -> ImportResult:
    """Import the export at ``path`` into ``into``, or into the account of the file's email
    (made, without a usable password, when there is none)."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ImportRefused(_("there is no file %(file)s") % {"file": path}) from None
    except (zipfile.BadZipFile, OSError):
        raise ImportRefused(_("%(file)s is not a ZIP archive") % {"file": path}) from None
    with archive:
        document = _read_document(archive)
        written: list[str] = []
        try:
            with transaction.atomic():
                owner, made = _owner(document["account"], into)
                result = ImportResult(owner=owner, created_account=made)
                ctx = ImportContext(owner, document["origin"], archive, result)
                written = ctx.written_photos
                for table in TABLES:
                    if not table.export_only:
                        _restore(ctx, table, document[table.name], parent=None)
        except ImportRefused:
            delete_photo_files(written)
            raise
        except (IntegrityError, DatabaseError):
            delete_photo_files(written)
            raise ImportRefused(
                _("the file's records clash with each other or with this account")
            ) from None
        except BaseException:
            delete_photo_files(written)
            raise
    return result


def _read_bounded(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member of the ZIP, refused past ``limit`` bytes: read a block at a time and stopped
    there, whatever size the ZIP's header claims (a small file can unpack to a huge one)."""
    blocks: list[bytes] = []
    size = 0
    with archive.open(name) as member:
        while block := member.read(1 << 20):
            size += len(block)
            if size > limit:
                raise ImportRefused(
                    _("%(name)s is larger than the %(limit)s MB an import reads")
                    % {"name": name, "limit": limit >> 20}
                )
            blocks.append(block)
    return b"".join(blocks)


def _read_document(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        raw = _read_bounded(archive, JSON_NAME, MAX_JSON_BYTES)
    except KeyError:
        raise ImportRefused(
            _("the file has no %(name)s: it is not a Stepdown export") % {"name": JSON_NAME}
        ) from None
    except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile):
        raise ImportRefused(_("the file is damaged")) from None
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise ImportRefused(_damaged(_("not valid JSON"))) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(_("the file is not a Stepdown export"))
    version = document.get("version")
    if type(version) is not int or version != VERSION:
        raise ImportRefused(
            _("the file is format version %(version)s; this Stepdown reads %(known)s")
            % {"version": repr(version), "known": VERSION}
        )
    if not isinstance(document.get("origin"), str) or not isinstance(document.get("account"), dict):
        raise ImportRefused(_damaged(_("no account")))
    for table in TABLES:
        if not isinstance(document.get(table.name), list):
            raise ImportRefused(
                _damaged(_("the list %(table)s is missing") % {"table": repr(table.name)})
            )
    return document


def _owner(account: Row, into: User | None) -> tuple[User, bool]:
    if into is not None:
        return into, False
    email = account.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise ImportRefused(_damaged(_("the account has no email")))
    email = email.strip().lower()
    found = User.objects.filter(email=email).first()
    if found is not None:
        return found, False
    owner = User(email=email)
    for name in ("display_name", "time_zone", "date_joined"):
        if name in account:
            setattr(owner, name, _value(User, name, account[name], "account"))
    # Optional (added within version 1): a language this instance does not speak, or none,
    # leaves the new account following the browser rather than refusing the whole file.
    if account.get("language") in dict(LANGUAGE_CHOICES):
        owner.language = account["language"]
    owner.set_unusable_password()
    _clean(owner, "account")
    owner.save()
    return owner, True


def _restore(ctx: ImportContext, table: Table, rows: Any, parent: models.Model | None) -> None:
    if not isinstance(rows, list):
        raise ImportRefused(_damaged(_("%(table)s is not a list") % {"table": table.name}))
    mapped = ctx.ids.setdefault(table.name, {})
    for row in rows:
        if not isinstance(row, dict) or "id" not in row:
            raise ImportRefused(_damaged(_("a row of %(table)s has no id") % {"table": table.name}))
        key = ctx.key(table.name, row["id"])
        item = _existing(ctx, table, row, key, parent)
        if item is None:
            item = _build(ctx, table, row, parent)
            item.save_base(raw=True, force_insert=True)  # raw: no rules run on old records
            if table.after_save is not None:
                table.after_save(ctx, row, item)
            ctx.result.created[table.name] += 1
        else:
            ctx.result.matched += 1
        ImportedRecord.objects.get_or_create(
            owner=ctx.owner, key=key, defaults={"table": table.name, "object_id": item.pk}
        )
        mapped[row["id"]] = item.pk
        for child in table.children:
            value = row.get(child.name)
            nested = ([value] if value else []) if child.single else value
            _restore(ctx, child, nested, parent=item)


def _existing(
    ctx: ImportContext, table: Table, row: Row, key: str, parent: models.Model | None
) -> models.Model | None:
    manager = table.model._default_manager
    known = ImportedRecord.objects.filter(owner=ctx.owner, key=key).first()
    if known is not None:
        found = manager.filter(pk=known.object_id).first()
        if found is not None:
            return found
    scope = {table.parent: parent} if parent is not None else {"owner": ctx.owner}
    if row.get("client_id") and "client_id" in table.fields:
        found = manager.filter(
            **scope, client_id=_value(table.model, "client_id", row["client_id"], table.name)
        ).first()
        if found is not None:
            return found
    if table.single and parent is not None:
        # A one-to-one row: the parent's own, when it has one already.
        return manager.filter(**scope).first()
    if table.natural is not None:
        return table.natural(ctx, row, parent)
    return None


def _build(ctx: ImportContext, table: Table, row: Row, parent: models.Model | None) -> Any:
    item: Any = table.model()
    for name in table.fields:
        if name not in row:
            raise ImportRefused(
                _damaged(
                    _("a row of %(table)s lacks %(field)s") % {"table": table.name, "field": name}
                )
            )
        setattr(item, name, _value(table.model, name, row[name], table.name))
    if _has_field(table.model, "owner"):
        item.owner = ctx.owner
    if parent is not None:
        setattr(item, table.parent, parent)
    for name, target in table.refs.items():
        setattr(item, f"{name}_id", ctx.pk(target, row.get(name)))
    for name in table.people:
        setattr(item, name, ctx.person(row.get(name)))
    if table.extra_in is not None:
        table.extra_in(ctx, row, item)
    _clean(item, table.name)
    for name, clean in table.json.items():
        setattr(item, name, _json(clean, item, name, f"{table.name} #{row['id']}"))
    return item


def _json(clean: Cleaner, item: models.Model, name: str, where: str) -> Any:
    """A JSON column through its app's check: a value no page could show is refused here, with
    the row and the field named, instead of breaking a page later."""
    try:
        return clean(getattr(item, name), item)
    except InvalidInput as error:
        raise ImportRefused(
            _damaged(
                _("%(where)s: %(field)s is not valid: %(reason)s")
                % {"where": where, "field": error.field, "reason": error.message}
            )
        ) from None
    except (TypeError, ValueError, LookupError, ArithmeticError, AttributeError):
        raise ImportRefused(_not_valid(where, name)) from None


def _value(model: type[models.Model], name: str, value: Any, where: str) -> Any:
    try:
        return decode(model, name, value)
    except (ValidationError, TypeError, ValueError):
        raise ImportRefused(_not_valid(where, name)) from None


def _clean(item: models.Model, where: str) -> None:
    """Choices, lengths and required values, as the forms check them (SQLite keeps no lengths).
    Relations were resolved above; JSON columns go through their apps' checks (``_json``)."""
    skip = [
        f.name
        for f in item._meta.concrete_fields
        if f.is_relation or isinstance(f, models.JSONField) or f.primary_key
    ]
    skip += ["password"]
    try:
        item.clean_fields(exclude=skip)
    except ValidationError as error:
        name = next(iter(error.message_dict), "a value")
        raise ImportRefused(_not_valid(where, name)) from None


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(f.name == name for f in model._meta.concrete_fields)
