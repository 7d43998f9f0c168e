"""The data commands in French (``LANG=fr_FR.UTF-8``): the journal, the check-in, accounts,
clinics, the access log, export and import, the worker and migrations. Each runs for real
against the test database and must read wholly in French, numbers and dates included."""

from __future__ import annotations

import re
import tarfile
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import time_machine
from tests.i18n.cli import ENGLISH, FRENCH, assert_french, assert_one_french_line, run
from tests.i18n.french import THURSDAY

from stepdown.checkins.models import Response
from stepdown.journal.models import Dose, Product

pytestmark = pytest.mark.django_db

# The daily check-in in item order, as tests/checkins/test_checkins_cli.py answers it, with
# the yes/no questions answered in French.
DAILY_LINES = [
    *["1"] * 12, "35", "", "7,5", "3", "2", "1", "3", "2", "30", "0", "oui", "non",
    *[""] * 8, "Une journée calme",
]  # fmt: skip


def test_logging_a_dose_in_french(person: Any) -> None:
    Product.objects.create(owner=person, name="Green", mitragynine_mg_per_unit=Decimal(15))
    result = run(FRENCH, "log", "2.5g", "--product", "green")
    assert result.code == 0, result.err
    # 2.5 g × 15 mg/g = 37.5 mg, both with a decimal comma.
    assert_french(result, "Prise notée : 2,5 g de Green (37,5 mg de mitragynine).")
    assert Dose.objects.get().grams == Decimal("2.5")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["log", "2.5kg"], "impossible de lire la quantité '2.5kg'"),
        (["log", "2g", "--product", "nothing"], "aucun produit appelé 'nothing' dans votre liste"),
        (["log", "2g", "--at", "tomorrow"], "impossible de lire l’heure 'tomorrow'"),
        (["log", "600g"], "amount :"),
        (["today", "--user", "nobody@example.org"], "aucun compte avec l’adresse e-mail"),
    ],
)
def test_journal_refusals_are_one_french_line(person: Any, args: list[str], expected: str) -> None:
    result = run(FRENCH, *args)
    assert result.code == 2
    assert_one_french_line(result, expected)


def test_today_in_french(person: Any) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        run(ENGLISH, "log", "2.5g", "--at", "2026-12-10T08:30")
        run(ENGLISH, "log", "1.5g", "--at", "2026-12-10T09:45")
        run(ENGLISH, "log", "3.5g", "--at", "2026-12-08T09:00")
        result = run(FRENCH, "today")
    assert result.code == 0, result.err
    # 2.5 g + 1.5 g = 4 g in two doses; the last at 09:45 on Thursday 10 December.
    assert_french(
        result,
        "Aujourd’hui, 2026-12-10",
        "Total 4 g en 2 prises",
        "Dernière prise jeu 10 déc. 09:45",
        "Moyenne sur 7 jours",
        "g/jour",
    )
    assert not re.search(r"\d\.\d", result.text.replace("2026-12-10", ""))  # no decimal point


def test_the_check_in_in_french(person: Any) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        result = run(FRENCH, "checkin", input="\n".join(DAILY_LINES) + "\n")
    assert result.code == 0, result.err
    response = Response.objects.get()
    assert response.total == 12  # 12 diary items × 1
    assert response.answers["sleep_hours"] == 7.5
    assert_french(
        result,
        "jeudi 10 décembre",
        "(0–48) : 12",
        "Réponses enregistrées pour le 10 décembre 2026.",
    )


def test_a_bad_check_in_answer_is_explained_in_french(person: Any) -> None:
    lines = ["9", "", *DAILY_LINES]  # 9 is not a 0–4 answer; blank is not allowed either
    result = run(FRENCH, "checkin", input="\n".join(lines) + "\n")
    assert result.code == 0, result.err
    assert_french(
        result, "'9' n’est pas une réponse possible", "Merci de répondre à cette question."
    )


def test_stopping_a_check_in_is_one_french_line(person: Any) -> None:
    result = run(FRENCH, "checkin", input="1\n")
    assert_one_french_line(result, "Arrêté avant la fin ; rien n’a été enregistré.")


def test_account_commands_in_french(person: Any) -> None:
    reset = run(FRENCH, "password-reset", person.email)
    assert reset.code == 0, reset.err
    assert_french(
        reset, "Ouvrez ce lien dans votre navigateur pour choisir un nouveau mot de passe"
    )
    mfa = run(FRENCH, "mfa-reset", person.email)
    assert_french(mfa, "L’application d’authentification et les codes de secours ont été retirés")
    missing = run(FRENCH, "mfa-reset", "nobody@example.org")
    assert_one_french_line(missing, "aucun compte avec l’adresse e-mail nobody@example.org")
    bad_url = run(FRENCH, "password-reset", person.email, "--site-url", "ftp://x.org")
    assert_one_french_line(bad_url, "--site-url : 'ftp://x.org' n’est pas une adresse http://")


def test_creating_a_clinic_in_french() -> None:
    result = run(FRENCH, "clinic", "create", "--name", "Rive Gauche", "--admin", "dr@example.org")
    assert result.code == 0, result.err
    assert_french(
        result,
        "Clinique 'Rive Gauche' créée",
        "Son administrateur est dr@example.org",
        "Le compte est nouveau. Ouvrez ce lien pour choisir son mot de passe",
    )


def test_the_access_log_and_migrations_in_french() -> None:
    assert_french(run(FRENCH, "audit", "verify"), "journal des accès intact : aucun événement")
    migrated = run(FRENCH, "migrate")
    assert migrated.code == 0, migrated.err
    assert_french(migrated, "Base de données :", "Cache :", "La base de données est à jour.")


def test_export_and_import_in_french(person: Any, tmp_path: Path) -> None:
    run(ENGLISH, "log", "2g")
    out = tmp_path / "moi.zip"
    exported = run(FRENCH, "export", "--user", person.email, "--out", str(out))
    assert exported.code == 0, exported.err
    assert_french(exported, "Il contient des informations de santé : gardez-le en lieu sûr.")
    assert zipfile.is_zipfile(out)
    first = run(FRENCH, "import", str(out))
    assert first.code == 0, first.err
    assert_french(first, "Importé dans sam@example.org : doses : 1")
    again = run(FRENCH, "import", str(out))
    assert again.code == 0, again.err
    assert_french(again, "Rien de nouveau n’a été ajouté")
    nowhere = run(FRENCH, "export", "--user", person.email, "--out", str(tmp_path / "no" / "x.zip"))
    assert_one_french_line(nowhere, "fichier ou dossier introuvable")


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (None, "n’est pas une archive ZIP"),
        ({"notes.txt": b"hello"}, "le fichier n’a pas de stepdown.json : ce n’est pas un export"),
        ({"stepdown.json": b"{not json"}, "stepdown.json est endommagé (JSON non valide)"),
        ({"stepdown.json": b'{"format": "other"}'}, "le fichier n’est pas un export Stepdown"),
    ],
)
def test_a_refused_import_says_why_in_french(
    tmp_path: Path, members: dict[str, bytes] | None, expected: str
) -> None:
    path = tmp_path / "x.zip"
    if members is None:
        path.write_bytes(b"plain text, not an archive")
    else:
        _zip(path, members)
    result = run(FRENCH, "import", str(path))
    assert result.code != 0
    assert_one_french_line(result, expected)


def _tar_without_manifest(folder: Path) -> Path:
    path = folder / "c.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        archive.add(__file__, arcname="notes.txt")
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda folder: folder / "none.tar.gz", "aucun fichier de sauvegarde à"),
        (
            lambda folder: _zip(folder / "b.tar.gz", {"a": b"b"}),
            "impossible de lire l’archive : elle est endommagée ou n’est pas une sauvegarde",
        ),
        (_tar_without_manifest, "ce n’est pas une sauvegarde Stepdown (pas de manifest.json)"),
    ],
)
def test_a_refused_restore_says_why_in_french(tmp_path: Path, make: Any, expected: str) -> None:
    result = run(FRENCH, "restore", str(make(tmp_path)))
    assert result.code != 0
    assert_one_french_line(result, expected)


@pytest.mark.django_db(transaction=True)  # the worker closes old connections, as in production
def test_one_worker_round_in_french(person: Any) -> None:
    result = run(FRENCH, "worker", "--once", "--site-url", "https://stepdown.example.org")
    assert result.code == 0, result.err
    assert_french(result, "Vérifications du jour :", "e-mail(s) de rappel en file d’attente")
