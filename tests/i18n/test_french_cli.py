"""The command line in French (``LANG=fr_FR.UTF-8``): the pure commands' output, every
command's help, Click's and Typer's own words, the one-line errors and French numbers. The
English runs are checked by tests/cli, which keep their English assertions."""

from __future__ import annotations

import json

import pytest
from tests.cli.test_skin import _rect, photo  # noqa: F401 - the measured photo, a fixture
from tests.i18n.cli import ENGLISH, FRENCH, assert_french, assert_one_french_line, run
from typer.main import get_command

from stepdown.cli import app


def _command_paths() -> list[list[str]]:
    """Every command and group of ``stepdown``, as the words that name it."""
    paths: list[list[str]] = [[]]
    root = get_command(app)
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        if name == "manage":
            continue  # its arguments, --help included, go to Django's management commands
        paths.append([name])
        for sub in getattr(command, "commands", {}):
            paths.append([name, sub])
    return paths


@pytest.mark.parametrize("path", _command_paths(), ids=lambda path: " ".join(path) or "stepdown")
def test_every_commands_help_is_in_french(path: list[str]) -> None:
    result = run(FRENCH, *path, "--help")
    assert result.code == 0, result.err
    assert_french(result, "Utilisation : stepdown", "Afficher ce message et quitter.")


def test_the_root_help_lists_the_commands_in_french() -> None:
    text = assert_french(run(FRENCH, "--help"), "Commandes", "Options")
    assert "Planifier une diminution à partir de START_G grammes par jour" in text
    assert "Mesurer L*, a*, b*" not in text  # a subcommand's help is behind its group


def test_the_help_in_english_is_unchanged() -> None:
    result = run(ENGLISH, "plan", "--help")
    assert "Usage: stepdown plan" in result.text
    assert "Show this message and exit." in result.text
    assert "Plan a taper from START_G grams a day" in result.text
    assert "[default: proportional]" in result.text


def test_a_plan_in_french_with_french_numbers() -> None:
    result = run(FRENCH, "plan", "10", "--rate", "10", "--start", "2025-01-06", "--with-pk")
    assert result.code == 0, result.err
    text = assert_french(
        result,
        "diminution proportionnelle à partir de 10,0 g par jour",
        "10 % de la quantité du moment tous les 7 jours",
        "Palier Du Au Jours g/jour Prises (g) Variation Niveau en fin de palier",
        "Plus aucune prise prévue à partir du",
    )
    # Step 1: 10 g less 10 % is 9 g, written with a decimal comma; the cut is 10 %.
    assert "9,0 1 × 9,0 −10,0 %" in text
    assert "9.0" not in text


def test_json_keeps_its_machine_numbers_in_french() -> None:
    result = run(FRENCH, "plan", "10", "--rate", "10", "--start", "2025-01-06", "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["steps"][1]["daily_g"] == 9.0


def test_the_level_model_in_french() -> None:
    result = run(FRENCH, "pk", "--dose-g", "3", "--every-h", "24", "--days", "2")
    assert result.code == 0, result.err
    # Steady state after 5 half-lives of 24 h: 120 h, five days.
    assert_french(
        result,
        "3 g toutes les 24 h, demi-vie 24 h",
        "Jour Minimum (g) Maximum (g) Moyenne (g)",
        "État d’équilibre après environ 5,0 jours (5 demi-vies)",
        "quantité modélisée de mitragynine dans le corps",
    )


def test_a_score_in_french_with_the_crisis_lines() -> None:
    result = run(FRENCH, "score", "phq9", "--answers", "1,1,1,1,1,1,1,1,1")
    assert result.code == 0, result.err
    assert_french(
        result,
        "Total du PHQ-9 (0–27) : 9",  # nine answers of 1
        "Tranche : Légère",
        "Signal self_harm :",
        "en France, appelez le 3114",
    )


def test_a_project_translation_says_so_and_subscores_are_french() -> None:
    answers = ",".join(["1"] * 12 + ["35", "", "7.5", "3", "2", "1", "3", "2", "30", "0"])
    result = run(FRENCH, "score", "daily", "--answers", answers + ",oui,non")
    assert result.code == 0, result.err
    assert_french(result, "Traduction du projet, non validée.", "Ce n’est pas une échelle validée")


def test_interactions_in_french() -> None:
    result = run(FRENCH, "interactions", "tramadol", "xyzzy")
    assert result.code == 0, result.err
    assert_french(
        result,
        "tramadol → tramadol (nom exact)",
        "Gravité Interaction et données Que faire",
        "élevée",
        "Opioïdes",
        "Données (observée) :",
        "xyzzy : absent de la base de connaissances — cela ne veut pas dire que c’est sans danger.",
        "elle ne remplace pas un pharmacien",
    )


def test_a_skin_measurement_in_french(photo) -> None:  # noqa: F811
    path, scene = photo
    result = run(
        FRENCH, "skin", "measure", str(path), "--roi", _rect(scene.exposed_roi),
        "--reference-roi", _rect(scene.reference_roi),
    )  # fmt: skip
    assert result.code == 0, result.err
    text = assert_french(
        result, "zone : L*", "référence : L*", "étalonnage : trouvée dans la photo", "qualité :"
    )
    assert "ΔITA (zone − référence) :" in text
    measured = run(
        FRENCH, "skin", "measure", str(path), "--roi", _rect(scene.exposed_roi), "--format", "json"
    )
    lightness = json.loads(measured.out)["L"]
    assert f"L* {lightness:.1f}".replace(".", ",") in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["pk"], "Option manquante : '--dose-g' ; voir « stepdown pk --help »"),
        (["plan"], "Argument manquant : 'START_G'"),
        (["plan", "10", "11"], "Argument(s) en trop (11)"),
        (["plan", "10", "--bogus"], "Option inconnue : --bogus"),
        (["plan", "10", "--method"], "L’option « --method » demande une valeur"),
        (["nope"], "Commande inconnue 'nope'"),
        (
            ["score", "phq9", "--answers", "1", "--format", "xml"],
            "doit être l’une de ces valeurs : text, json",
        ),
        (["serve", "--port", "0"], "Valeur non valable pour '--port' : doit être entre 1 et 65535"),
        (
            ["plan", "10", "--rate", "50"],
            "--rate : la baisse doit être entre 5 et 25 % par palier, pas 50 %",
        ),
        (["plan", "x"], "START_G : start_g doit être un nombre"),
        (["plan", "10", "--interval", "x"], "--interval doit être un nombre entier, pas 'x'"),
        (["plan", "10", "--start", "soon"], "--start doit être une date de la forme AAAA-MM-JJ"),
        (
            ["pk", "--dose-g", "0", "--every-h", "8", "--days", "1"],
            "--dose-g doit être supérieur à 0",
        ),
        (["score", "nope", "--answers", "1"], "questionnaire inconnu 'nope'"),
        (["score", "phq9", "--answers", "1,1"], "phq9, question q3 : réponse manquante"),
        (
            ["score", "phq9", "--answers", "7"],
            "phq9, question q1 : '7' n’est pas une réponse possible (possibles : 0, 1, 2, 3)",
        ),
        (["interactions", " "], "un nom ne peut pas être vide"),
        (
            ["skin", "measure", "/no/such/photo.jpg", "--roi", "1,1,1,1"],
            "impossible de lire /no/such/photo.jpg : fichier ou dossier introuvable",
        ),
        (
            ["skin", "measure", "x.jpg", "--roi", "1,2"],
            "une zone s’écrit avec quatre nombres entiers x,y,l,h",
        ),
    ],
)
def test_bad_input_is_one_french_line(args: list[str], expected: str) -> None:
    assert_one_french_line(run(FRENCH, *args), expected)


def test_a_file_that_is_not_a_photo_is_one_french_line(tmp_path) -> None:
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a photo")
    result = run(FRENCH, "skin", "measure", str(fake), "--roi", "1,1,1,1")
    assert_one_french_line(result, "le fichier n’est pas une photo (JPEG, PNG, WebP, TIFF ou HEIC)")


def test_without_arguments_the_help_is_french() -> None:
    result = run(FRENCH)
    assert_french(result, "Utilisation : stepdown", "Commandes")


def test_english_errors_keep_clicks_words() -> None:
    result = run(ENGLISH, "pk")
    assert result.err.strip() == "stepdown: Missing option '--dose-g'; see 'stepdown pk --help'"
    result = run(ENGLISH, "score", "phq9", "--answers", "1", "--format", "xml")
    assert "Invalid value for '--format'" in result.err
