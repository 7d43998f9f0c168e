"""The export ZIP, written as a stream: ``stepdown.json``, one CSV per table, the skin photos,
a README and the FHIR R4 Bundle (``fhir/bundle.json``).

``export_chunks`` yields the ZIP's bytes as they are written, so neither the web response nor
the command line ever holds the whole file: ``zipfile`` writes into :class:`_Pipe`, which the
generator empties after every row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from django.utils import timezone
from django.utils.crypto import salted_hmac

from stepdown.accounts.models import User
from stepdown.core.spreadsheet import safe_cell
from stepdown.records.export_format import FORMAT, TABLES, VERSION
from stepdown.records.export_format.skin import photo_name
from stepdown.records.export_format.table import Row, Table
from stepdown.records.fhir.bundle import bundle_json
from stepdown.records.readme import README
from stepdown.records.rows import nested, table_rows, top_query
from stepdown.records.snapshot import read_snapshot
from stepdown.skin.models import Photo
from stepdown.skin.photos import photo_path

JSON_NAME = "stepdown.json"
README_NAME = "README.txt"
FHIR_NAME = "fhir/bundle.json"
CSV_FOLDER = "csv"
ACCOUNT_FIELDS = ("email", "display_name", "time_zone", "date_joined", "language")

Progress = Callable[[int], None]


class _Pipe(io.RawIOBase):
    """A write-only, unseekable file that keeps what was written until it is drained."""

    def __init__(self) -> None:
        super().__init__()
        self._chunks: list[bytes] = []
        self._written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._chunks.append(chunk)
        self._written += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._written

    def drain(self) -> bytes:
        chunk, self._chunks = b"".join(self._chunks), []
        return chunk


def origin_of(owner: User) -> str:
    """An opaque, stable name for this account on this instance: the import's idempotency keys
    start with it, and it says nothing about the person."""
    return salted_hmac("stepdown.records.origin", str(owner.pk), algorithm="sha256").hexdigest()[
        :32
    ]


def account_of(owner: User) -> Row:
    return {
        "email": owner.email,
        "display_name": owner.display_name,
        "time_zone": owner.time_zone,
        "date_joined": owner.date_joined.astimezone(dt.UTC).isoformat(),
        # Added within version 1: blank follows the browser; files written before lack it.
        "language": owner.language,
    }


def row_count(owner: User) -> int:
    """How many top-level rows the export will hold (for a progress bar)."""
    return sum(top_query(table, owner).count() for table in TABLES)


def export_chunks(owner: User, *, progress: Progress | None = None) -> Iterator[bytes]:
    """The export ZIP of ``owner``, a piece at a time. Every part (the JSON, the CSVs, which
    read the tables again, the photos and the FHIR Bundle) is read in one snapshot, held until
    the last piece is out (or the generator is closed)."""
    pipe = _Pipe()
    tick = progress or (lambda rows: None)
    now = timezone.now()
    with read_snapshot(), zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(_entry(JSON_NAME, now), "w") as handle:
            yield from _write_json(owner, handle, pipe, tick, now)
        for table in TABLES:
            yield from _write_csvs(archive, pipe, table, owner, now)
        yield from _write_photos(archive, pipe, owner)
        with archive.open(_entry(FHIR_NAME, now), "w") as handle:
            # The whole record as the Bundle ``$everything`` answers, streamed like the JSON.
            for piece in bundle_json(owner):
                handle.write(piece.encode())
                yield pipe.drain()
        yield pipe.drain()
        archive.writestr(_entry(README_NAME, now), README)
    yield pipe.drain()


def _entry(name: str, when: dt.datetime, *, stored: bool = False) -> zipfile.ZipInfo:
    """A ZIP member dated ``when`` (ZIP times have no zone: UTC; none before 1980)."""
    at = max(when.astimezone(dt.UTC), dt.datetime(1980, 1, 1, tzinfo=dt.UTC))
    info = zipfile.ZipInfo(
        name, date_time=(at.year, at.month, at.day, at.hour, at.minute, at.second)
    )
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def _write_json(
    owner: User, handle: IO[bytes], pipe: _Pipe, tick: Progress, now: dt.datetime
) -> Iterator[bytes]:
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.astimezone(dt.UTC).isoformat(),
        "origin": origin_of(owner),
        "account": account_of(owner),
    }
    handle.write(json.dumps(head, indent=1)[:-2].encode())  # the object, still open
    for table in TABLES:
        handle.write(f',\n "{table.name}": ['.encode())
        for index, row in enumerate(table_rows(table, owner)):
            handle.write((",\n  " if index else "\n  ").encode())
            handle.write(json.dumps(row, ensure_ascii=False).encode())
            tick(1)
            yield pipe.drain()
        handle.write(b"\n ]")
    handle.write(b"\n}\n")


def _csv_line(values: list[Any]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue().encode()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # a number is never a formula
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    return safe_cell(str(value))


def _write_csv(
    archive: zipfile.ZipFile,
    pipe: _Pipe,
    entry: zipfile.ZipInfo,
    table: Table,
    rows: Iterator[Row],
) -> Iterator[bytes]:
    header = table.csv_columns
    with archive.open(entry, "w") as handle:
        handle.write(_csv_line(list(header)))
        for row in rows:
            handle.write(_csv_line([_cell(row.get(column)) for column in header]))
            yield pipe.drain()


def _write_csvs(
    archive: zipfile.ZipFile, pipe: _Pipe, table: Table, owner: User, now: dt.datetime
) -> Iterator[bytes]:
    """The table's CSV and one per nested table (``plans_adjustments.csv``), one pass each."""

    def entry(name: str) -> zipfile.ZipInfo:
        return _entry(f"{CSV_FOLDER}/{name}.csv", now)

    yield from _write_csv(archive, pipe, entry(table.name), table, table_rows(table, owner))
    chains: list[tuple[str, list[Table]]] = [
        (f"{table.name}_{child.name}", [child]) for child in table.children
    ]
    while chains:
        name, chain = chains.pop(0)
        rows: Iterator[Row] = table_rows(table, owner)
        for link in chain:
            rows = nested(rows, link)
        yield from _write_csv(archive, pipe, entry(name), chain[-1], rows)
        chains.extend((f"{name}_{grand.name}", [*chain, grand]) for grand in chain[-1].children)


def _write_photos(archive: zipfile.ZipFile, pipe: _Pipe, owner: User) -> Iterator[bytes]:
    ready = Photo.objects.filter(owner=owner, status=Photo.Status.READY).order_by("pk")
    for photo in ready.iterator(chunk_size=100):
        path = photo_path(photo.file_key, "full")
        if not path.exists():  # a file lost on disk: the row still says what was measured
            continue
        # A JPEG is compressed already: stored as it is.
        info = _entry(photo_name(photo), photo.uploaded_at, stored=True)
        info.file_size = path.stat().st_size
        with archive.open(info, "w") as handle, path.open("rb") as f:
            while block := f.read(1 << 16):
                handle.write(block)
                yield pipe.drain()
