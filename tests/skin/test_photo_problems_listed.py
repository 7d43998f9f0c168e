"""Why a photo or a region cannot be measured is one kind of object (``PhotoProblem.says``): every
such message of the core is in the catalogue, and the command line words it from the object,
values and all, in the reader's language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from tests.i18n.cli import ENGLISH, FRENCH, assert_one_french_line, run

from stepdown.core import colour
from stepdown.core.colour import ImageDecodeError, PhotoProblem, parse_rect
from stepdown.skin.wording import CORE_PHOTO_PROBLEMS

RAISERS = {"PhotoProblem", "ImageDecodeError", "ImageTooLargeError"}


def _raised_messages() -> set[str]:
    found: set[str] = set()
    for path in Path(colour.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in RAISERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(str(node.args[0].value))
    return found


def test_every_photo_problem_of_the_core_is_in_the_catalogue() -> None:
    found = _raised_messages()
    assert len(found) >= 15
    missing = sorted(found - set(CORE_PHOTO_PROBLEMS))
    assert not missing, missing


def test_a_decoding_error_is_a_photo_problem_with_its_says() -> None:
    assert issubclass(ImageDecodeError, PhotoProblem)
    with pytest.raises(PhotoProblem) as raised:
        parse_rect("1,2")
    assert raised.value.says.values == {"text": "'1,2'"}
    assert str(raised.value) == "a region is four whole numbers x,y,w,h, not '1,2'"


def test_the_command_line_words_a_photo_problem_with_its_value() -> None:
    french = run(FRENCH, "skin", "measure", "x.jpg", "--roi", "1,2")
    assert_one_french_line(
        french, "une zone s’écrit avec quatre nombres entiers x,y,l,h, pas '1,2'"
    )
    english = run(ENGLISH, "skin", "measure", "x.jpg", "--roi", "1,2")
    assert english.err.strip() == "stepdown: a region is four whole numbers x,y,w,h, not '1,2'"
