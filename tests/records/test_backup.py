"""``stepdown backup`` and ``stepdown restore`` on real instances in their own processes: a backup
taken while doses are being written restores every acknowledged dose; a non-empty target, a
damaged or a foreign archive is refused with one line and nothing changed.

Each instance is a fresh data folder (and, on PostgreSQL, a database made and dropped here), so
the test database of this session is never touched.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

WRITER = """
import os, sys, uuid
import django
django.setup()
from stepdown.accounts.models import User
from stepdown.journal.services import dose_create
user = User.objects.create_user("sam@example.org", "a long pass phrase", time_zone="UTC")
print("ready", flush=True)
while True:
    client_id = uuid.uuid4()
    dose_create(owner=user, amount="1.5", client_id=client_id, confirm_unusual=True)
    print(client_id.hex, flush=True)  # acknowledged: the service has returned
"""

VENDORS = ["sqlite"]
if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    VENDORS.append("postgresql")


@dataclass
class Instance:
    """One Stepdown: a data folder and, on PostgreSQL, its own database."""

    vendor: str
    data_dir: Path
    database: str | None = None
    env: dict[str, str] = field(default_factory=dict)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "stepdown", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )

    def query(self, sql: str) -> list[tuple[object, ...]]:
        if self.vendor == "sqlite":
            with sqlite3.connect(self.data_dir / "stepdown.sqlite3") as db:
                return db.execute(sql).fetchall()
        with psycopg.connect(self.env["DATABASE_URL"], autocommit=True) as db:
            return db.execute(sql).fetchall()  # type: ignore[arg-type]

    def dose_ids(self) -> set[str]:
        return {
            uuid.UUID(str(row[0])).hex for row in self.query("SELECT client_id FROM journal_dose")
        }


def _admin_url() -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/postgres"))


def _sqlite_instance(data_dir: Path) -> Instance:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "STEPDOWN_"))}
    env["DJANGO_SETTINGS_MODULE"] = "stepdown.config.settings"
    env["STEPDOWN_DATA_DIR"] = str(data_dir)
    return Instance(vendor="sqlite", data_dir=data_dir, env=env)


@pytest.fixture
def make_instance(tmp_path: Path) -> Iterator:
    made: list[Instance] = []

    def make(vendor: str, name: str) -> Instance:
        instance = _sqlite_instance(tmp_path / name)
        instance.vendor = vendor
        env = instance.env
        if vendor == "postgresql":
            instance.database = f"h_backup_{name}_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(_admin_url(), autocommit=True) as db:
                db.execute(f'CREATE DATABASE "{instance.database}"')  # type: ignore[arg-type]
            parts = urlsplit(os.environ["DATABASE_URL"])
            env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{instance.database}"))
        made.append(instance)
        return instance

    yield make
    for instance in made:
        if instance.database:
            with psycopg.connect(_admin_url(), autocommit=True) as db:
                db.execute(f'DROP DATABASE IF EXISTS "{instance.database}" WITH (FORCE)')  # type: ignore[arg-type]


class Writer:
    """Doses written through the service in another process; each id printed once committed."""

    def __init__(self, instance: Instance) -> None:
        self.acknowledged: list[str] = []
        self.lock = threading.Lock()
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRITER],
            env=instance.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready", self.process.stderr
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.lock:
                self.acknowledged.append(line.strip())

    def snapshot(self) -> list[str]:
        with self.lock:
            return list(self.acknowledged)

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + 60
        while len(self.snapshot()) < count:
            assert self.process.poll() is None, self.process.stderr.read()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the writer is too slow"
            time.sleep(0.02)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _manifest(archive: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        handle = tar.extractfile("manifest.json")
        assert handle is not None
        return json.loads(handle.read())


def _without_pg_dump_the_backup_says_so(source: Instance, tmp_path: Path) -> None:
    empty = tmp_path / "no-tools"
    empty.mkdir()
    missing = Instance(source.vendor, source.data_dir, env=source.env | {"PATH": str(empty)})
    result = missing.run("backup", "--out", str(tmp_path / "never.tar.gz"))
    _one_line_refusal(result, "pg_dump was not found")
    assert not (tmp_path / "never.tar.gz").exists()


@pytest.mark.parametrize("vendor", VENDORS)
def test_backup_under_writes_restores_every_acknowledged_dose(
    vendor: str, make_instance, tmp_path: Path
) -> None:
    source = make_instance(vendor, "source")
    assert source.run("migrate").returncode == 0
    photo = source.data_dir / "media" / "skin" / "arm.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"\xff\xd8 not really a photo \xff\xd9")
    if vendor == "postgresql":
        _without_pg_dump_the_backup_says_so(source, tmp_path)
    writer = Writer(source)
    try:
        writer.wait_for(20)
        before = writer.snapshot()
        archive = tmp_path / "backup.tar.gz"
        result = source.run("backup", "--out", str(archive))
        during = writer.snapshot()
        writer.wait_for(len(during) + 5)  # still writing after the backup: it never blocked it
    finally:
        writer.stop()
    assert result.returncode == 0, result.stderr
    assert len(during) > len(before)  # the writes went on while the backup ran
    assert oct(archive.stat().st_mode & 0o777) == oct(0o600)

    target = make_instance(vendor, "target")
    restored = target.run("restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "Row counts match the backup" in restored.stdout

    ids = target.dose_ids()
    assert set(before) <= ids
    assert ids <= set(writer.snapshot())  # nothing invented
    manifest = _manifest(archive)
    assert manifest["format"] == "stepdown-backup"
    assert manifest["vendor"] == vendor
    assert manifest["tables"]["journal_dose"] == len(ids)
    assert manifest["tables"]["accounts_user"] == 1
    for table, rows in manifest["tables"].items():
        count = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608 (names from the catalogue)
        assert target.query(count) == [(rows,)], table
    if vendor == "sqlite":
        assert target.query("PRAGMA integrity_check") == [("ok",)]
        assert "Integrity check: ok" in restored.stdout
    assert (target.data_dir / "media" / "skin" / "arm.jpg").read_bytes() == photo.read_bytes()
    # It prints what it restored: the rows of every table and the media files, in total.
    rows = sum(manifest["tables"].values())
    summary = f"{rows} rows in {len(manifest['tables'])} tables, 1 media file."
    assert summary in restored.stdout


@pytest.fixture(scope="module")
def sqlite_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Instance, Path]:
    folder = tmp_path_factory.mktemp("backup")
    source = _sqlite_instance(folder / "source")
    assert source.run("migrate").returncode == 0
    archive = folder / "backup.tar.gz"
    assert source.run("backup", "--out", str(archive)).returncode == 0
    return source, archive


def _files(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _one_line_refusal(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("stepdown: ")
    assert words in result.stderr


def _backup_of(vendor: str, sqlite_backup, make_instance, tmp_path: Path) -> tuple[Instance, Path]:
    if vendor == "sqlite":
        return sqlite_backup
    source = make_instance(vendor, "source")
    assert source.run("migrate").returncode == 0
    archive = tmp_path / "backup.tar.gz"
    assert source.run("backup", "--out", str(archive)).returncode == 0
    return source, archive


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_target_with_data_is_refused_without_force(
    vendor: str, sqlite_backup, make_instance, tmp_path: Path
) -> None:
    source, archive = _backup_of(vendor, sqlite_backup, make_instance, tmp_path)
    target = make_instance(vendor, "target")
    assert target.run("migrate").returncode == 0
    target.query(
        "INSERT INTO django_migrations (app, name, applied) VALUES ('x', 'y', '2026-01-01') "
        "RETURNING app"
    )
    rows = "SELECT app, name FROM django_migrations ORDER BY id"
    before = target.query(rows)
    if vendor != "sqlite":
        # A backup of the other kind of database is refused before anything is touched.
        _one_line_refusal(target.run("restore", str(sqlite_backup[1])), "same kind of database")

    _one_line_refusal(target.run("restore", str(archive)), "already holds data")
    assert target.query(rows) == before  # the rows, not the bytes: SQLite checkpoints on close
    assert ("x", "y") in before

    forced = target.run("restore", str(archive), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.query("SELECT COUNT(*) FROM django_migrations WHERE app = 'x'") == [(0,)]
    assert target.query("SELECT COUNT(*) FROM django_migrations") == source.query(
        "SELECT COUNT(*) FROM django_migrations"
    )


def test_media_alone_makes_a_target_non_empty(sqlite_backup, make_instance) -> None:
    _, archive = sqlite_backup
    target = make_instance("sqlite", "target")
    picture = target.data_dir / "media" / "skin" / "old.jpg"
    target.data_dir.mkdir(mode=0o700)  # private, as Stepdown makes it: no warning at start
    picture.parent.mkdir(parents=True)
    picture.write_bytes(b"kept")
    _one_line_refusal(target.run("restore", str(archive)), "already holds data")
    assert picture.read_bytes() == b"kept"


def _rewrite(archive: Path, out: Path, change: dict[str, bytes]) -> None:
    with tarfile.open(archive, "r:gz") as old, tarfile.open(out, "w:gz") as new:
        for member in old.getmembers():
            handle = old.extractfile(member)
            assert handle is not None
            data = change.get(member.name, handle.read())
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))


@pytest.mark.parametrize("damage", ["truncated", "database bytes", "not gzip", "foreign", "newer"])
def test_a_damaged_or_foreign_archive_is_refused_and_writes_nothing(
    damage: str, sqlite_backup, make_instance, tmp_path: Path
) -> None:
    _, archive = sqlite_backup
    bad = tmp_path / "bad.tar.gz"
    data = archive.read_bytes()
    if damage == "truncated":
        bad.write_bytes(data[: len(data) // 2])
        words = "cannot be read"
    elif damage == "database bytes":
        with tarfile.open(archive, "r:gz") as tar:
            handle = tar.extractfile("database.sqlite3")
            assert handle is not None
            database = bytearray(handle.read())
        database[len(database) // 2] ^= 0xFF
        _rewrite(archive, bad, {"database.sqlite3": bytes(database)})
        words = "does not match its checksum"
    elif damage == "not gzip":
        bad.write_bytes(b"PK\x03\x04 a zip, or anything else")
        words = "cannot be read"
    elif damage == "foreign":
        with tarfile.open(bad, "w:gz") as tar:
            info = tarfile.TarInfo("notes.txt")
            info.size = 5
            tar.addfile(info, io.BytesIO(b"hello"))
        words = "not a Stepdown backup"
    else:
        manifest = _manifest(archive) | {"version": 99}
        _rewrite(archive, bad, {"manifest.json": json.dumps(manifest).encode()})
        words = "format version 99"

    target = make_instance("sqlite", "target")
    _one_line_refusal(target.run("restore", str(bad)), words)
    written = _files(target.data_dir)
    assert set(written) <= {"secret_key", "stepdown.sqlite3"}  # what any start makes
    database = target.data_dir / "stepdown.sqlite3"
    assert not database.exists() or database.stat().st_size == 0
    assert not (target.data_dir / "media").exists()
