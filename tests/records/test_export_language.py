"""The account's language travels in the export (an optional key added within version 1): the
file says it, an account the import creates takes it, and a file without it (written before) or
with a language this instance does not speak still imports, following the browser."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stepdown.accounts.models import User
from stepdown.journal.services import dose_create
from stepdown.records.exporting import export_chunks
from stepdown.records.importing import import_file

pytestmark = pytest.mark.django_db

Change = Callable[[dict[str, Any]], None]


@pytest.fixture
def exported(make_user: Callable[..., Any], tmp_path: Path) -> Callable[[Change], Path]:
    """Camille's export (French, one dose), copied with a change and another email."""
    camille = make_user("camille@example.org", time_zone="Europe/Paris", language="fr")
    dose_create(owner=camille, amount="2.5")
    source = tmp_path / "export.zip"
    source.write_bytes(b"".join(export_chunks(camille)))

    def copy(change: Change) -> Path:
        document = json.loads(zipfile.ZipFile(source).read("stepdown.json"))
        document["account"]["email"] = "camille.elsewhere@example.org"
        document["origin"] = "elsewhere"
        change(document)
        path = tmp_path / "copy.zip"
        with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as archive:
            for member in original.namelist():
                data = original.read(member)
                archive.writestr(
                    member, json.dumps(document) if member == "stepdown.json" else data
                )
        return path

    return copy


def _language(change: Change, exported: Callable[[Change], Path]) -> str:
    result = import_file(exported(change))
    assert result.owner.email == "camille.elsewhere@example.org"
    return str(User.objects.get(pk=result.owner.pk).language)


def test_the_file_says_the_accounts_language(exported: Callable[[Change], Path]) -> None:
    said: list[Any] = []
    exported(lambda document: said.append(document["account"]))
    assert said[0]["language"] == "fr"
    assert said[0]["time_zone"] == "Europe/Paris"


def test_an_account_made_by_the_import_takes_the_files_language(
    exported: Callable[[Change], Path],
) -> None:
    assert _language(lambda document: None, exported) == "fr"


@pytest.mark.parametrize(
    "change",
    [
        lambda document: document["account"].pop("language"),  # written before the key
        lambda document: document["account"].update(language="de"),  # not spoken here
        lambda document: document["account"].update(language=""),  # follows the browser
    ],
)
def test_without_a_language_spoken_here_the_account_follows_the_browser(
    exported: Callable[[Change], Path], change: Change
) -> None:
    assert _language(change, exported) == ""


def test_importing_into_an_existing_account_keeps_its_language(
    exported: Callable[[Change], Path], make_user: Callable[..., Any]
) -> None:
    sam = make_user("sam.en@example.org", language="en")
    import_file(exported(lambda document: None), into=sam)
    sam.refresh_from_db()
    assert sam.language == "en"
