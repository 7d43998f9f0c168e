"""``stepdown interactions``: check medicines and substances against the kratom knowledge base.

Pure: no database, no Django. Each name is looked up on its own; a name that is not recognised is
reported as "not in the knowledge base", which never means it is safe.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from stepdown.cli.errors import fail
from stepdown.core.interactions import Interaction, Report, Severity, check
from stepdown.core.interactions.serialize import report_to_dict

NOT_IN_KNOWLEDGE_BASE = "not in the knowledge base — this does not mean it is safe"
DISCLAIMER = (
    "This check lists known and likely interactions with kratom; it does not replace a "
    "pharmacist or clinician. Sources are listed in docs/clinical-sources.md."
)
_SEVERITY_STYLE = {Severity.HIGH: "bold red", Severity.MODERATE: "yellow", Severity.LOW: "cyan"}


class OutputFormat(StrEnum):
    """How ``stepdown interactions`` prints its result."""

    TEXT = "text"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add the ``interactions`` command to ``app``."""
    app.command(name="interactions")(interactions)


def interactions(
    names: Annotated[
        list[str],
        typer.Argument(help="Medicine or substance names: generic, brand or street names."),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="text (default) or json.")
    ] = OutputFormat.TEXT,
) -> None:
    """Check each NAME for interactions with kratom, with severity, advice and sources."""
    if any(not name.strip() for name in names):
        fail("a name cannot be empty")
    reports = check(names)
    if output_format is OutputFormat.JSON:
        typer.echo(json.dumps([report_to_dict(r) for r in reports], ensure_ascii=False))
    else:
        print_reports(reports)


def print_reports(reports: tuple[Report, ...]) -> None:
    """A readable report per name with Rich."""
    console = Console()
    for report in reports:
        name = escape(report.name)
        resolution = report.resolution
        if resolution is None:
            console.print(f"[bold]{name}[/bold]: {NOT_IN_KNOWLEDGE_BASE}.", soft_wrap=True)
            continue
        heading = (
            f"[bold]{name}[/bold] → {escape(resolution.name)} ({escape(resolution.match_label)})"
        )
        if resolution.needs_confirmation:
            heading += " Check the spelling: a close spelling is only a guess."
        console.print(heading, soft_wrap=True)
        for part in resolution.unrecognised:
            console.print(f"  {escape(part)}: {NOT_IN_KNOWLEDGE_BASE}.", soft_wrap=True)
        console.print(_table(report.interactions))
    console.print(DISCLAIMER, soft_wrap=True)


def _table(interactions: tuple[Interaction, ...]) -> Table:
    table = Table(show_lines=True, expand=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Interaction and evidence", ratio=3)
    table.add_column("What to do", ratio=2)
    for interaction in interactions:
        severity = interaction.severity
        about = (
            f"[bold]{escape(interaction.label)}[/bold]\n{escape(interaction.mechanism)}\n"
            f"[dim]Evidence ({interaction.basis.value}): {escape(interaction.evidence)}\n"
            f"Sources: {escape(', '.join(interaction.sources))}[/dim]"
        )
        table.add_row(
            f"[{_SEVERITY_STYLE[severity]}]{severity.value}[/]", about, escape(interaction.advice)
        )
    return table
