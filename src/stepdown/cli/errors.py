"""How every command reports bad input: one line on stderr and exit code 2."""

from __future__ import annotations

from typing import NoReturn

import typer

USAGE_ERROR_EXIT_CODE = 2


def fail(message: str, *, code: int = USAGE_ERROR_EXIT_CODE) -> NoReturn:
    """Print ``message`` as one line on stderr and stop with ``code``."""
    typer.echo(f"stepdown: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)
