"""Documentation is tested: a route, command or setting that is not documented fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from stepdown.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.mark.django_db
def test_every_api_route_is_in_docs_api(client: Client) -> None:
    documented = (DOCS / "api.md").read_text()
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    missing = [path for path in paths if f"`{path}`" not in documented]
    assert not missing, f"undocumented API routes: {missing}"


def _command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names += [f"{name} {child}" for child in sub] if sub else [name]
    return names


def test_every_cli_command_is_in_docs_cli() -> None:
    documented = (DOCS / "cli.md").read_text()
    missing = [name for name in _command_names() if f"`stepdown {name}" not in documented]
    assert not missing, f"undocumented commands: {missing}"


def test_every_instrument_is_in_docs_instruments() -> None:
    from stepdown.core.instruments import INSTRUMENTS

    documented = (DOCS / "instruments.md").read_text()
    missing = [code for code in INSTRUMENTS if f"`{code}`" not in documented]
    assert not missing, f"undocumented instruments: {missing}"


def test_readme_shows_the_two_commands_and_links_existing_docs() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme
    assert "make test" in readme
    for link in re.findall(r"\]\(((?:docs/)[^)#]+)\)", readme):
        assert (ROOT / link).exists(), link
