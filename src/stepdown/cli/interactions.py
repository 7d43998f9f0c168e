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
from stepdown.cli.language import current, gettext_noop, pgettext
from stepdown.cli.language import gettext as _
from stepdown.core.interactions import Interaction, Report, Severity, check
from stepdown.core.interactions.model import Basis, MatchedAs, Resolution
from stepdown.core.interactions.serialize import report_to_dict
from stepdown.core.interactions.wording import in_language

NOT_IN_KNOWLEDGE_BASE = gettext_noop("not in the knowledge base — this does not mean it is safe")
DISCLAIMER = gettext_noop(
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
    app.command(
        name="interactions",
        help=gettext_noop(
            "Check each NAME for interactions with kratom, with severity, advice and sources."
        ),
    )(interactions)


def interactions(
    names: Annotated[
        list[str],
        typer.Argument(
            help=gettext_noop("Medicine or substance names: generic, brand or street names.")
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help=gettext_noop("text (default) or json."))
    ] = OutputFormat.TEXT,
) -> None:
    """Check each NAME for interactions with kratom, with severity, advice and sources."""
    if any(not name.strip() for name in names):
        fail(_("a name cannot be empty"))
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
            console.print(_unknown(f"[bold]{name}[/bold]"), soft_wrap=True)
            continue
        heading = (
            f"[bold]{name}[/bold] → {escape(resolution.name)} ({escape(_match_label(resolution))})"
        )
        if resolution.needs_confirmation:
            heading += " " + _("Check the spelling: a close spelling is only a guess.")
        console.print(heading, soft_wrap=True)
        for part in resolution.unrecognised:
            console.print(f"  {_unknown(escape(part))}", soft_wrap=True)
        console.print(_table(report.interactions))
    console.print(_(DISCLAIMER), soft_wrap=True)


def _unknown(name: str) -> str:
    return _("%(name)s: %(problem)s.") % {"name": name, "problem": _(NOT_IN_KNOWLEDGE_BASE)}


# How a name was recognised (the core's words), listed for the catalogue.
_MATCHED_AS = {
    MatchedAs.EXACT: gettext_noop("exact"),
    MatchedAs.BRAND: gettext_noop("brand"),
    MatchedAs.OTHER_NAME: gettext_noop("other name"),
    MatchedAs.CLASS: gettext_noop("class name"),
    MatchedAs.PARTIAL: gettext_noop("partial"),
    MatchedAs.CLOSE_SPELLING: gettext_noop("close spelling"),
}


def _match_label(resolution: Resolution) -> str:
    """The core's ``match_label`` ("brand", "close spelling — did you mean …?") in words."""
    if resolution.suggestion is not None:
        return _("close spelling — did you mean %(name)s?") % {"name": resolution.suggestion}
    return _(_MATCHED_AS[resolution.matched_as])


def _severity(severity: Severity) -> str:
    return {
        Severity.HIGH: pgettext("interaction severity", "high"),
        Severity.MODERATE: pgettext("interaction severity", "moderate"),
        Severity.LOW: pgettext("interaction severity", "low"),
    }[severity]


def _basis(basis: Basis) -> str:
    return {
        Basis.OBSERVED: pgettext("evidence basis", "observed"),
        Basis.THEORETICAL: pgettext("evidence basis", "theoretical"),
    }[basis]


def _table(interactions: tuple[Interaction, ...]) -> Table:
    table = Table(show_lines=True, expand=True)
    table.add_column(_("Severity"), no_wrap=True)
    table.add_column(_("Interaction and evidence"), ratio=3)
    table.add_column(_("What to do"), ratio=2)
    for interaction in (in_language(each, current()) for each in interactions):
        severity = interaction.severity
        evidence = _("Evidence (%(basis)s): %(evidence)s") % {
            "basis": _basis(interaction.basis),
            "evidence": interaction.evidence,
        }
        sources = _("Sources: %(sources)s") % {"sources": ", ".join(interaction.sources)}
        about = (
            f"[bold]{escape(interaction.label)}[/bold]\n{escape(interaction.mechanism)}\n"
            f"[dim]{escape(evidence)}\n{escape(sources)}[/dim]"
        )
        table.add_row(
            f"[{_SEVERITY_STYLE[severity]}]{_severity(severity)}[/]",
            about,
            escape(interaction.advice),
        )
    return table
