"""Whole-instance backups: the database and the media folder in one ``.tar.gz``, and restoring it.

SQLite is copied online with ``VACUUM INTO`` (one consistent snapshot even while others write;
a file copy of a live WAL database can miss or tear pages). PostgreSQL is dumped with
``pg_dump -Fc`` inside an exported snapshot, so the row counts in the manifest describe exactly
the rows in the dump. Restore checks the whole archive before it touches the target.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

FORMAT = "stepdown-backup"
VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"
MEDIA_PREFIX = "media/"
_CHUNK = 1 << 20
_log = logging.getLogger("stepdown.backups")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is one line for the person, in the
    active language (the command line sets it)."""


def _failed(program: str, code: int) -> str:
    return _("%(program)s failed (exit code %(code)s)") % {"program": program, "code": code}


@dataclass(frozen=True)
class Restored:
    vendor: str
    counts: dict[str, int]
    media_files: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _count_rows(cursor: Any, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 (names from the catalogue)
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _sqlite_tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return [row[0] for row in cursor.fetchall()]


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def _postgres_env_and_args() -> tuple[dict[str, str], list[str]]:
    """The connection for the client tools; the password travels in the environment only."""
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return env, args


def _client_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            _(
                "%(program)s was not found; install the PostgreSQL client tools (the same major "
                "version as the server) and try again"
            )
            % {"program": name}
        )
    return found


# Backup ------------------------------------------------------------------------------------


def _sqlite_snapshot(target: Path) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(target)])
    copy = sqlite3.connect(target)
    try:
        return _count_rows(copy.cursor(), _sqlite_tables(copy.cursor()))
    finally:
        copy.close()


def _postgres_snapshot(target: Path) -> dict[str, int]:
    pg_dump = _client_tool("pg_dump")
    env, args = _postgres_env_and_args()
    # The counts and the dump read the same snapshot: the transaction stays open until the
    # dump has finished.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = _count_rows(cursor, connection.introspection.table_names(cursor))
        result = subprocess.run(  # noqa: S603 (a fixed tool, our own arguments)
            [pg_dump, "-Fc", "--no-owner", "--snapshot", snapshot, "--file", str(target), *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        _log.debug("pg_dump: %s", result.stderr.strip())  # its words: English, a host name
        raise BackupError(_failed("pg_dump", result.returncode))
    return counts


def backup_create(*, out: Path) -> dict[str, Any]:
    """Write the archive to ``out`` (owner-only) and return its manifest."""
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(
            _("backups support SQLite and PostgreSQL, not %(vendor)s") % {"vendor": vendor}
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".stepdown-backup-") as work:
        member = SQLITE_MEMBER if vendor == "sqlite" else POSTGRES_MEMBER
        dump = Path(work) / member
        created_at = dt.datetime.now(dt.UTC)
        counts = _sqlite_snapshot(dump) if vendor == "sqlite" else _postgres_snapshot(dump)
        root = _media_root()
        media = _media_files(root)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "vendor": vendor,
            "created_at": created_at.isoformat(),
            "database": {"file": member, "sha256": _sha256(dump)},
            "tables": counts,
            "media": {
                MEDIA_PREFIX + path.relative_to(root).as_posix(): _sha256(path) for path in media
            },
        }
        manifest_path = Path(work) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True))
        partial = Path(work) / "archive.tar.gz"
        partial.touch(mode=0o600)
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_path, arcname=MANIFEST)
            archive.add(dump, arcname=member)
            for path in media:
                archive.add(path, arcname=MEDIA_PREFIX + path.relative_to(root).as_posix())
        os.replace(partial, out)
    return manifest


# Restore -----------------------------------------------------------------------------------


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        handle = archive.extractfile(MANIFEST)
    except KeyError:
        raise BackupError(_("this is not a Stepdown backup (no manifest.json)")) from None
    if handle is None:
        raise BackupError(_("this is not a Stepdown backup (no manifest.json)"))
    try:
        manifest = json.loads(handle.read())
    except (ValueError, UnicodeDecodeError):
        raise BackupError(_("the backup's manifest is damaged")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("this is not a Stepdown backup (unknown format)"))
    if manifest.get("version") != VERSION:
        raise BackupError(
            _("this backup has format version %(version)s; this Stepdown reads version %(known)s")
            % {"version": repr(manifest.get("version")), "known": VERSION}
        )
    if manifest.get("vendor") not in ("sqlite", "postgresql"):
        raise BackupError(_("the backup's manifest names no known database"))
    return manifest


def _extract(source: Path, staging: Path) -> dict[str, Any]:
    """Unpack into ``staging`` and check every file against the manifest."""
    try:
        with tarfile.open(source, "r:gz") as archive:
            manifest = _read_manifest(archive)
            expected = {manifest["database"]["file"]: manifest["database"]["sha256"]}
            expected.update(manifest["media"])
            names = set(archive.getnames()) - {MANIFEST}
            if names != set(expected):
                raise BackupError(_("the backup's files do not match its manifest"))
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(staging, filter="data")
    except BackupError:
        raise
    except (tarfile.TarError, EOFError, zlib.error, OSError, KeyError, TypeError) as error:
        # The cause's own words stay out of the message: a command words it by its class.
        raise BackupError(_("the backup file cannot be read")) from error
    for name, digest in expected.items():
        if _sha256(staging / name) != digest:
            raise BackupError(
                _("the backup is damaged: %(name)s does not match its checksum") % {"name": name}
            )
    return manifest


def _sqlite_path() -> Path:
    return Path(str(connection.settings_dict["NAME"]))


def target_is_empty() -> bool:
    """No tables in the database and no media files (a generated secret key may exist)."""
    if _media_files(_media_root()):
        return False
    if connection.vendor == "sqlite":
        path = _sqlite_path()
        if not path.exists():
            return True
        check = sqlite3.connect(path)
        try:
            return not _sqlite_tables(check.cursor())
        except sqlite3.DatabaseError:
            return False  # a file that is not a database: only --force replaces it
        finally:
            check.close()
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def _check_counts(restored: dict[str, int], manifest: dict[str, Any]) -> None:
    expected = manifest["tables"]
    wrong = sorted(t for t in expected if restored.get(t) != expected[t])
    if wrong:
        raise BackupError(
            _("restored row counts differ from the backup's in: %(tables)s")
            % {"tables": ", ".join(wrong)}
        )


def _sqlite_verify(path: Path) -> dict[str, int]:
    check = sqlite3.connect(path)
    try:
        result = check.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            _log.debug("integrity check: %s", result[0][0])  # SQLite's words, in English
            raise BackupError(_("the database failed its integrity check"))
        return _count_rows(check.cursor(), _sqlite_tables(check.cursor()))
    except sqlite3.DatabaseError as error:
        raise BackupError(_("the backup's database cannot be read")) from error
    finally:
        check.close()


def _sqlite_restore(staged: Path, manifest: dict[str, Any]) -> dict[str, int]:
    _check_counts(_sqlite_verify(staged), manifest)  # before the target is touched
    target = _sqlite_path()
    connection.close()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # A stale WAL beside the new file would be replayed into it: they go first.
    for side in (Path(f"{target}-wal"), Path(f"{target}-shm")):
        side.unlink(missing_ok=True)
    staged.chmod(0o600)
    os.replace(staged, target)
    counts = _sqlite_verify(target)
    _check_counts(counts, manifest)
    return counts


def _postgres_clear() -> None:
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {_quote(table)} CASCADE")


def _postgres_restore(staged: Path, manifest: dict[str, Any], *, force: bool) -> dict[str, int]:
    pg_restore = _client_tool("pg_restore")
    if force:
        _postgres_clear()
    env, args = _postgres_env_and_args()
    result = subprocess.run(  # noqa: S603 (a fixed tool, our own arguments)
        [pg_restore, "--no-owner", "--exit-on-error", "--single-transaction", *args, str(staged)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        _log.debug("pg_restore: %s", " ".join(result.stderr.split()))
        raise BackupError(_failed("pg_restore", result.returncode))
    with connection.cursor() as cursor:
        counts = _count_rows(cursor, connection.introspection.table_names(cursor))
    _check_counts(counts, manifest)
    return counts


def _media_restore(staging: Path, manifest: dict[str, Any]) -> int:
    root = _media_root()
    if root.exists():
        shutil.rmtree(root)
    source = staging / MEDIA_PREFIX.rstrip("/")
    if source.exists():
        shutil.move(source, root)
        root.chmod(0o700)  # photos of the person's skin: private like the rest of the data
    else:
        root.mkdir(mode=0o700, parents=True)
    return len(manifest["media"])


@contextmanager
def _staging_folder() -> Iterator[Path]:
    data_dir = Path(settings.DATA_DIR)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Inside the data folder: the same file system, so the final moves are renames.
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-") as staging:
        yield Path(staging)


def backup_restore(*, source: Path, force: bool = False) -> Restored:
    """Restore ``source`` into this instance's database and media folder."""
    if not source.is_file():
        raise BackupError(_("no backup file at %(file)s") % {"file": source})
    with _staging_folder() as staging:
        manifest = _extract(source, staging)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                _(
                    "this backup holds a %(backup)s database but this Stepdown uses %(here)s; "
                    "a backup restores into the same kind of database"
                )
                % {"backup": manifest["vendor"], "here": connection.vendor}
            )
        if not force and not target_is_empty():
            raise BackupError(
                _(
                    "the target already holds data (database tables or media files); "
                    "restore into an empty one, or add --force to replace it"
                )
            )
        staged = staging / manifest["database"]["file"]
        if manifest["vendor"] == "sqlite":
            counts = _sqlite_restore(staged, manifest)
        else:
            counts = _postgres_restore(staged, manifest, force=force)
        media = _media_restore(staging, manifest)
    return Restored(vendor=manifest["vendor"], counts=counts, media_files=media)
