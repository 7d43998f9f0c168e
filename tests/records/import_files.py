"""Export files for the import tests: the world's person exported once, and copies of the file
with rows changed, each new to this instance (another origin and account email)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.db import models
from tests.records.export_world import PERSON, build

Located = tuple[Any, dict[str, Any]]  # (the Table, the row in the document)


def counts() -> dict[str, int]:
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in ("sessions", "contenttypes", "auth", "admin")
    }


def json_fields(table: Any) -> list[str]:
    return [
        name
        for name in table.fields
        if isinstance(table.model._meta.get_field(name), models.JSONField)
    ]


def rows(document: dict[str, Any]) -> Iterator[Located]:
    """Every (table, row) of a document, nested rows included."""
    from stepdown.records.export_format import TABLES

    def walk(table: Any, found: list[dict[str, Any]]) -> Iterator[Located]:
        for row in found:
            yield table, row
            for child in table.children:
                value = row.get(child.name)
                yield from walk(child, ([value] if value else []) if child.single else value)

    for table in TABLES:
        yield from walk(table, document[table.name])


class File:
    """An export of the world's person, and copies of it with one row changed."""

    def __init__(self, tmp_path: Path, source: Path) -> None:
        self.tmp_path = tmp_path
        self.source = source
        self.document = json.loads(zipfile.ZipFile(source).read("stepdown.json"))
        self.made = 0

    def changed(self, change: Callable[[dict[str, Any]], None]) -> tuple[Path, str]:
        """A copy whose rows are new to this instance (another origin and email), changed."""
        self.made += 1
        document = json.loads(json.dumps(self.document))
        document["origin"] = f"elsewhere-{self.made}"
        document["account"]["email"] = f"copy{self.made}@example.org"
        change(document)
        path = self.tmp_path / f"copy{self.made}.zip"
        with zipfile.ZipFile(self.source) as original, zipfile.ZipFile(path, "w") as archive:
            for member in original.namelist():
                data = original.read(member)
                archive.writestr(
                    member, json.dumps(document) if member == "stepdown.json" else data
                )
        return path, document["origin"]

    def with_value(self, table: str, field: str, value: Any) -> tuple[Path, str, int]:
        """A copy whose first row of ``table`` holds ``value`` in ``field``; and that row's id."""
        found: list[int] = []

        def change(document: dict[str, Any]) -> None:
            for spec, row in rows(document):
                if spec.name == table:
                    row[field] = value
                    found.append(row["id"])
                    return

        path, origin = self.changed(change)
        assert found, f"the world has no row of {table}"
        return path, origin, found[0]


def export_file(settings: Any, tmp_path: Path) -> File:
    """The world built, its person exported."""
    from stepdown.accounts.models import User
    from stepdown.records.exporting import export_chunks

    settings.MEDIA_ROOT = tmp_path / "media"
    build()
    source = tmp_path / "export.zip"
    source.write_bytes(b"".join(export_chunks(User.objects.get(email=PERSON))))
    return File(tmp_path, source)
