"""The ``stepdown`` command line: one Typer app assembled from topic modules.

Each module in ``COMMAND_MODULES`` exposes ``register(app)``. Pure commands (plan, pk, score,
interactions, skin measure) never load Django; data commands set Django up inside the command,
so ``stepdown --help`` stays fast.
"""

from __future__ import annotations

import importlib

import typer

from stepdown.cli.errors import OneLineErrors
from stepdown.cli.language import gettext_noop

COMMAND_MODULES = (
    "stepdown.cli.web",
    "stepdown.cli.journal",
    "stepdown.cli.worker",
    "stepdown.cli.account",
    "stepdown.cli.checkin",
    "stepdown.cli.audit",
    "stepdown.cli.clinic",
    "stepdown.cli.backup",
    "stepdown.cli.records",
    # pure commands, one module per topic
    "stepdown.cli.skin",
    "stepdown.cli.interactions",
    "stepdown.cli.plan",
    "stepdown.cli.pk",
    "stepdown.cli.score",
)

app = typer.Typer(
    name="stepdown",
    cls=OneLineErrors,
    help=gettext_noop("Stepdown: stay in control of kratom use, cut down or stop."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module_name in COMMAND_MODULES:
    importlib.import_module(_module_name).register(app)


def main() -> None:
    """Console-script entry point."""
    app()
