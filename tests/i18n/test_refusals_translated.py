"""Every refusal a service raises outside the core is marked for the catalogue, so it reaches
a French request in French (the API, the pages, the command line's import, backup and restore):
a message written as a bare string or f-string cannot be translated, and this test names each
one."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from stepdown.errors import InvalidInput
from stepdown.profile.cleaning import decimal_answer

SOURCE = Path(__file__).resolve().parents[2] / "src" / "stepdown"
# Each refusal, and which of its arguments is the message.
REFUSALS = {"InvalidInput": 1, "NeedsConfirmation": 1, "ImportRefused": 0, "BackupError": 0}


def _bare_messages() -> list[str]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "core" in path.relative_to(SOURCE).parts or "migrations" in path.parts:
            continue  # the core words its own messages (core/says.py) and never imports Django
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = REFUSALS.get(name)
            if position is None or len(node.args) <= position:
                continue
            if isinstance(node.args[position], ast.Constant | ast.JoinedStr):
                found.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    return found


def test_no_refusal_is_written_as_a_bare_string() -> None:
    assert _bare_messages() == []


@pytest.mark.parametrize(
    ("language", "places", "expected"),
    [
        ("en", 1, "Use at most 1 decimal place."),
        ("en", 2, "Use at most 2 decimal places."),
        ("fr", 1, "Utilisez au plus 1 décimale."),
        ("fr", 2, "Utilisez au plus 2 décimales."),
    ],
)
def test_a_refusal_with_a_count_says_it_in_the_right_number(
    language: str, places: int, expected: str
) -> None:
    with translation.override(language), pytest.raises(InvalidInput) as refused:
        decimal_answer("x", "1.123", high=Decimal(10), places=places)
    assert refused.value.message == expected
