"""``stepdown export`` and ``stepdown import`` in this process: what each says when it cannot do
its work (one line, exit 2, nothing written), importing into ``--user``, and the progress bar's
count, which must reach its total."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from tests.records.export_world import PERSON
from tests.records.import_files import File, counts, export_file
from typer.testing import CliRunner

pytestmark = pytest.mark.django_db


@pytest.fixture
def file(settings: Any, tmp_path: Path) -> File:
    return export_file(settings, tmp_path)


def _one_line_refusal(result: Any, words: str) -> None:
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("stepdown: ")
    assert words in lines[0]


def _run(*args: str) -> Any:
    from stepdown.cli import app

    return CliRunner().invoke(app, list(args))


def test_export_writes_the_zip_and_leaves_no_partial_file(file: File, tmp_path: Path) -> None:
    out = tmp_path / "mine.zip"
    result = _run("export", "--user", PERSON, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"Wrote {out}" in result.stdout
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("stepdown.json"))["account"]["email"] == PERSON
    assert sorted(path.name for path in tmp_path.glob("mine.zip*")) == ["mine.zip"]


def test_export_for_an_unknown_account_says_so_and_writes_nothing(
    file: File, tmp_path: Path
) -> None:
    out = tmp_path / "nobody.zip"
    _one_line_refusal(
        _run("export", "--user", "nobody@example.org", "--out", str(out)),
        "no account with the email nobody@example.org",
    )
    assert list(tmp_path.glob("nobody.zip*")) == []


def test_export_to_a_folder_that_does_not_exist_says_so(file: File, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "mine.zip"
    _one_line_refusal(_run("export", "--user", PERSON, "--out", str(out)), f"cannot write {out}")
    assert not out.parent.exists()


def test_import_into_an_unknown_user_says_so_and_writes_nothing(file: File) -> None:
    path, _ = file.changed(lambda document: None)
    before = counts()
    _one_line_refusal(
        _run("import", str(path), "--user", "nobody@example.org"),
        "no account with the email nobody@example.org",
    )
    assert counts() == before


def test_import_with_user_fills_that_account_and_makes_no_other(file: File, make_user: Any) -> None:
    from stepdown.accounts.models import User

    sam = make_user("sam@example.org")
    path, _ = file.changed(lambda document: None)  # the file names copy1@example.org
    result = _run("import", str(path), "--user", "Sam@Example.org")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Imported into sam@example.org: ")
    assert "has no password yet" not in result.stdout  # the account was there
    assert not User.objects.filter(email="copy1@example.org").exists()
    assert sam.doses.count() == len(file.document["doses"]) > 0
    assert sam.plans.count() == len(file.document["plans"]) > 0
    again = _run("import", str(path), "--user", "sam@example.org")
    assert again.exit_code == 0
    assert again.stdout.startswith("Nothing new was added")
    assert sam.doses.count() == len(file.document["doses"])


def test_the_progress_count_reaches_the_bars_total(file: File) -> None:
    from stepdown.accounts.models import User
    from stepdown.records.export_format import TABLES
    from stepdown.records.exporting import export_chunks, row_count

    owner = User.objects.get(email=PERSON)
    ticks: list[int] = []
    written = b"".join(export_chunks(owner, progress=ticks.append))
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        document = json.loads(archive.read("stepdown.json"))
    top_level_rows = sum(len(document[table.name]) for table in TABLES)
    assert top_level_rows > 10
    assert sum(ticks) == row_count(owner) == top_level_rows
