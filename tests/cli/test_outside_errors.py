"""Errors from outside Stepdown (a database driver, a cache client, a damaged archive) read as one
sentence of our own in the reader's language: their English detail never reaches the line."""

from __future__ import annotations

import ast
import importlib
import json
import sqlite3
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import typer
from django.db import Error as DjangoError
from django.db import OperationalError as DjangoOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from tests.i18n.cli import ENGLISH, FRENCH, Run, assert_one_french_line
from typer.testing import CliRunner

import stepdown.backups
from stepdown.cli import errors, language
from stepdown.cli.errors import OneLineErrors, outside_errors, outside_problem

DETAIL = "unable to open database file at db.internal:5432 for sam@example.org"
CLI = Path(errors.__file__).parent


def _instances() -> list[BaseException]:
    """One error of each class the table names, and of a subclass a driver really raises."""
    return [
        DjangoError(DETAIL),
        DjangoOperationalError(DETAIL),
        sqlite3.Error(DETAIL),
        sqlite3.OperationalError(DETAIL),
        psycopg.Error(DETAIL),
        psycopg.OperationalError(DETAIL),
        RedisError(DETAIL),
        RedisConnectionError(DETAIL),
        tarfile.TarError(DETAIL),
        tarfile.ReadError(DETAIL),
        zlib.error(DETAIL),
        EOFError(DETAIL),
        zipfile.BadZipFile(DETAIL),
        zipfile.LargeZipFile(DETAIL),
        json.JSONDecodeError(DETAIL, "{", 0),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, DETAIL),
    ]


@pytest.fixture
def french() -> Iterator[None]:
    language.activate("fr")
    yield
    language.activate(language.ENGLISH)


def test_every_class_in_the_table_is_exercised() -> None:
    for classes, _sentence in outside_errors():
        for kind in classes:
            assert any(type(error) is kind for error in _instances()), kind


@pytest.mark.parametrize("error", _instances(), ids=lambda error: type(error).__qualname__)
def test_each_outside_error_is_one_sentence_of_ours_in_each_language(
    error: BaseException, french: None
) -> None:
    language.activate(language.ENGLISH)
    english = outside_problem(error)
    language.activate("fr")
    in_french = outside_problem(error)
    assert english is not None
    assert in_french is not None
    assert in_french != english  # from the catalogue, not the English left as it is
    for line in (english, in_french):
        assert "db.internal" not in line
        assert "sam@example.org" not in line
        assert "unable to open" not in line


def test_any_other_error_is_not_worded_as_an_outside_one() -> None:
    assert outside_problem(ValueError(DETAIL)) is None
    assert outside_problem(None) is None


def _app(error: BaseException) -> typer.Typer:
    app = typer.Typer(cls=OneLineErrors)

    @app.command()
    def fails() -> None:
        raise error

    @app.command()
    def other() -> None:  # a second command, so Typer keeps the names
        pass

    return app


@pytest.mark.parametrize(
    "error",
    [sqlite3.OperationalError(DETAIL), tarfile.ReadError(DETAIL), psycopg.OperationalError(DETAIL)],
    ids=lambda error: type(error).__qualname__,
)
def test_an_outside_error_no_command_expected_is_one_french_line(error: BaseException) -> None:
    result = CliRunner().invoke(_app(error), ["fails"], env=FRENCH)
    run = Run(result.exit_code, result.stdout, result.stderr)
    line = assert_one_french_line(run)
    assert run.code == 1
    assert DETAIL not in line
    english = CliRunner().invoke(_app(error), ["fails"], env=ENGLISH)
    assert english.stderr.startswith("stepdown: the ")
    assert DETAIL not in english.stderr


def _caught_names(path: Path) -> set[tuple[str, str]]:
    """(module, name) of each class an ``except`` clause in ``path`` names, resolved through the
    file's imports (including those inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: dict[str, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                imported[alias.asname or alias.name] = (node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                imported[alias.asname or alias.name] = (alias.name, "")
    found: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ExceptHandler) or node.type is None:
            continue
        kinds = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
        for kind in kinds:
            if isinstance(kind, ast.Attribute) and isinstance(kind.value, ast.Name):
                module, _ = imported.get(kind.value.id, (kind.value.id, ""))
                found.add((module, kind.attr))
            elif isinstance(kind, ast.Name) and kind.id in imported:
                found.add(imported[kind.id])
    return found


# The libraries whose errors are outside ones (ours, Typer's and Python's own are not).
_OUTSIDE = (
    "django.db",
    "sqlite3",
    "psycopg",
    "redis",
    "tarfile",
    "zipfile",
    "zlib",
    "json",
    "gzip",
)


@pytest.mark.parametrize(
    "path",
    [*sorted(CLI.glob("*.py")), Path(stepdown.backups.__file__)],
    ids=lambda path: path.name,
)
def test_every_outside_error_the_commands_catch_has_its_sentence(path: Path) -> None:
    worded = tuple(kind for classes, _sentence in outside_errors() for kind in classes)
    for module, name in _caught_names(path):
        if not module.startswith(_OUTSIDE):
            continue
        kind = getattr(importlib.import_module(module), name)
        assert issubclass(kind, worded), f"{path.name} catches {module}.{name} with no sentence"
