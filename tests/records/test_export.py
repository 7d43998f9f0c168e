"""The export in this process: the page and its download, the API, the streaming, and import's
refusals of bad files (nothing written). The round trip between instances is in
test_export_round_trip.py."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.records.export_world import PERSON, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def rowan(settings: Any, tmp_path: Path) -> Any:
    from stepdown.accounts.models import User

    settings.MEDIA_ROOT = tmp_path / "media"
    build()
    return User.objects.get(email=PERSON)


def _zip(response: Any) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response.streaming
    chunks = list(response.streaming_content)
    assert len(chunks) > 10  # written and sent a piece at a time
    return zipfile.ZipFile(io.BytesIO(b"".join(chunks)))


def _disclosures() -> int:
    from stepdown.audit.models import AccessEvent

    return AccessEvent.objects.count()


def test_the_page_explains_the_file_and_the_button_downloads_it(rowan: Any) -> None:
    client = Client()
    client.force_login(rowan)
    settings_page = client.get(reverse("accounts:settings")).content.decode()
    assert reverse("records:export") in settings_page

    page = client.get(reverse("records:export"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "stepdown.json" in html
    assert "data-preparing-note" in html  # the "preparing" state the script reveals

    logged = _disclosures()
    response = client.post(reverse("records:export"))
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="stepdown-export-')
    assert "rowan" not in disposition
    archive = _zip(response)
    document = json.loads(archive.read("stepdown.json"))
    assert document["account"]["email"] == PERSON
    assert len(document["doses"]) == 2
    assert "README.txt" in archive.namelist()
    # Reading one's own record is not a disclosure.
    assert _disclosures() == logged


def test_the_api_answers_the_zip_itself(rowan: Any, api_for: Callable[[Any], Any]) -> None:
    response = api_for(rowan).post("/export")
    archive = _zip(response)
    document = json.loads(archive.read("stepdown.json"))
    assert document["format"] == "stepdown-export"
    assert document["version"] == 1


def test_another_persons_records_never_appear(rowan: Any, make_user: Any) -> None:
    from stepdown.journal.models import Dose
    from stepdown.records.exporting import export_chunks

    other = make_user("alex@example.org")
    Dose.objects.create(owner=other, taken_at=rowan.date_joined, amount=1, note="Alex's own")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(export_chunks(other))))
    document = json.loads(archive.read("stepdown.json"))
    assert [dose["note"] for dose in document["doses"]] == ["Alex's own"]
    assert document["consents"] == []
    assert document["skin_sessions"] == []
    assert not [name for name in archive.namelist() if name.startswith("photos/")]


def _counts() -> dict[str, int]:
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in ("sessions", "contenttypes", "auth", "admin")
    }


def test_bad_files_are_refused_and_write_nothing(rowan: Any, tmp_path: Path) -> None:
    from stepdown.records.exporting import export_chunks
    from stepdown.records.importing import ImportRefused, import_file

    source = tmp_path / "export.zip"
    source.write_bytes(b"".join(export_chunks(rowan)))
    good = json.loads(zipfile.ZipFile(source).read("stepdown.json"))
    good["account"]["email"] = "someone.new@example.org"  # all new on this instance

    def with_json(
        name: str, change: Callable[[dict[str, Any]], Any] | None, raw: bytes = b""
    ) -> Path:
        document = json.loads(json.dumps(good))
        if change is not None:
            change(document)
        path = tmp_path / name
        with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as archive:
            for member in original.namelist():
                if member == "stepdown.json":
                    archive.writestr(member, raw or json.dumps(document).encode())
                else:
                    archive.writestr(member, original.read(member))
        return path

    (tmp_path / "text.zip").write_text("not a zip at all")
    cut = source.read_bytes()
    (tmp_path / "cut.zip").write_bytes(cut[: len(cut) // 2])
    no_photo = with_json("no-photo.zip", None)
    with zipfile.ZipFile(no_photo) as full, zipfile.ZipFile(tmp_path / "np.zip", "w") as lean:
        for member in full.namelist():
            if not member.startswith("photos/"):
                lean.writestr(member, full.read(member))
    cases = {
        tmp_path / "text.zip": "is not a ZIP archive",
        tmp_path / "cut.zip": "is not a ZIP archive",
        tmp_path / "missing.zip": "there is no file",
        with_json("other.zip", lambda d: d.update(format="other")): "not a Stepdown export",
        with_json("v.zip", lambda d: d.update(version="1")): "version '1'",
        with_json("j.zip", None, b"{not json"): "not valid JSON",
        with_json("l.zip", lambda d: d.pop("goals")): "the list 'goals' is missing",
        with_json("d.zip", lambda d: d["doses"][0].update(amount="plenty")): "doses: amount",
        with_json("c.zip", lambda d: d["responses"][0].update(local_date="soon")): "local_date",
        with_json("p.zip", lambda d: d["doses"][0].update(product=999999)): "products #999999",
        with_json("k.zip", lambda d: d["products"][0].update(form="x" * 30)): "products: form",
        with_json("m.zip", lambda d: d["doses"][0].pop("amount")): "doses lacks amount",
        with_json("s.zip", lambda d: d["consents"][0].update(clinic="Riverside")): "a clinic",
        tmp_path / "np.zip": "is missing from the file",
    }
    before = _counts()
    photos = sorted((tmp_path / "media").rglob("*"))
    for path, words in cases.items():
        with pytest.raises(ImportRefused, match=words.replace("(", r"\(")):
            import_file(path)
        assert _counts() == before, path
    # Into the existing account: the dose without a client_id would be new, and is refused.
    broken = with_json("e.zip", lambda d: d["doses"][0].update(amount="plenty"))
    with pytest.raises(ImportRefused, match="doses: amount"):
        import_file(broken, into=rowan)
    assert _counts() == before
    assert sorted((tmp_path / "media").rglob("*")) == photos  # no photo file left behind
