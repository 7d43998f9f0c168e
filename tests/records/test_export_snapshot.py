"""An export is one moment of the record: a write that lands while the export is being read (a
second connection, in another thread, between two of the export's reads) is in no part of it,
rather than in the parts read after it and missing from those read before.

The database is real on both vendors. On PostgreSQL it is the test database; on SQLite the test
database lives in memory with a shared cache, which locks tables instead of giving each reader a
snapshot, so the test works on a file copy of it in WAL mode, as an instance runs.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

PHQ9 = {f"q{i}": 1 for i in range(1, 10)}


class Database:
    """Hands each thread its own connection to the database under test."""

    def __init__(self, tmp_path: Path) -> None:
        from django.db import connections

        self.original = connections["default"]
        self.settings: dict[str, Any] | None = None
        if self.original.vendor == "sqlite":
            path = tmp_path / "stepdown.sqlite3"
            self.original.ensure_connection()
            with sqlite3.connect(path) as target:
                self.original.connection.backup(target)
            self.settings = {**self.original.settings_dict, "NAME": str(path)}
            self.attach()

    def attach(self) -> None:
        """This thread's connection: a new one to the file (SQLite), Django's own otherwise."""
        from django.db import connections

        if self.settings is None:
            return
        wrapper = type(self.original)(self.settings, "default")
        connections["default"] = wrapper

    def close(self) -> None:
        """Close this thread's connection (a writer thread closes its own) and put the test
        database back."""
        from django.db import connections

        if self.settings is not None:
            connections["default"].close()
        connections["default"] = self.original


@pytest.fixture
def database(transactional_db: None, tmp_path: Path) -> Iterator[Database]:
    made = Database(tmp_path)
    try:
        yield made
    finally:
        made.close()


def _in_another_thread(database: Database, work: Callable[[], None]) -> None:
    """Run ``work`` to the end (committed) on a second connection, in a second thread."""
    from django.db import connections

    failed: list[BaseException] = []

    def run() -> None:
        database.attach()
        try:
            work()
        except BaseException as error:  # reported in the test's thread
            failed.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive(), "the writer hung: the export holds a lock writers wait for"
    assert not failed, failed


def _person() -> Any:
    from stepdown.accounts.models import User
    from stepdown.journal.services import dose_create

    person = User.objects.create_user("snap@example.org", "a long pass phrase", time_zone="UTC")
    for amount in ("3", "2.5"):
        dose_create(owner=person, amount=amount, client_id=uuid.uuid4(), confirm_unusual=True)
    return person


def _dose_and_answers(person_pk: int, client_id: uuid.UUID) -> Callable[[], None]:
    """Log a dose and answer the PHQ-9, as one write."""

    def work() -> None:
        from django.db import transaction

        from stepdown.accounts.models import User
        from stepdown.checkins.services import response_submit
        from stepdown.journal.services import dose_create

        person = User.objects.get(pk=person_pk)
        with transaction.atomic():
            dose_create(owner=person, amount="4", client_id=client_id, confirm_unusual=True)
            response_submit(owner=person, instrument="phq9", answers=PHQ9)

    return work


def test_the_test_database_is_real_and_gives_snapshots(database: Database) -> None:
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA database_list")
            assert cursor.fetchone()[2].endswith("stepdown.sqlite3")


def test_a_dose_logged_mid_export_is_in_no_part_of_it(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stepdown.journal.models import Dose
    from stepdown.records import exporting

    person = _person()
    before = {str(dose.client_id) for dose in Dose.objects.filter(owner=person)}
    late = uuid.uuid4()
    reads = {"doses": 0}
    real_rows = exporting.table_rows

    def table_rows(table: Any, owner: Any) -> Any:
        # The JSON reads the doses first, the CSV pass again: the write lands in between.
        if table.name == "doses":
            reads["doses"] += 1
            if reads["doses"] == 2:
                _in_another_thread(database, _dose_and_answers(person.pk, late))
        return real_rows(table, owner)

    monkeypatch.setattr(exporting, "table_rows", table_rows)
    archive = zipfile.ZipFile(io.BytesIO(b"".join(exporting.export_chunks(person))))

    assert reads["doses"] == 2
    assert Dose.objects.filter(client_id=late).exists()  # the write did happen, and committed
    document = json.loads(archive.read(exporting.JSON_NAME))
    in_json = {row["client_id"] for row in document["doses"]}
    with archive.open("csv/doses.csv") as handle:
        in_csv = {row["client_id"] for row in csv.DictReader(io.TextIOWrapper(handle, "utf-8"))}
    bundle = json.loads(archive.read(exporting.FHIR_NAME))
    statements = [
        entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "MedicationStatement"
    ]
    answers = [
        entry
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "QuestionnaireResponse"
    ]
    assert in_json == in_csv == before
    assert len(statements) == len(before)
    assert answers == []
    assert document["responses"] == []


def test_the_fhir_bundle_holds_a_write_whole_or_not_at_all(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stepdown.records.fhir import bundle, medications

    person = _person()
    real_journal = medications.journal

    def journal(owner: Any) -> Any:
        # The doses are read (the statements come lazily: read them all now); the check-ins
        # are read after the write.
        found = list(real_journal(owner))
        _in_another_thread(database, _dose_and_answers(person.pk, uuid.uuid4()))
        return found

    monkeypatch.setattr(medications, "journal", journal)
    data = bundle.everything_bundle(person)

    kinds = [entry["resource"]["resourceType"] for entry in data["entry"]]
    assert kinds.count("MedicationStatement") == 2
    assert "QuestionnaireResponse" not in kinds
    assert "Observation" not in kinds
