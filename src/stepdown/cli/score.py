"""``stepdown score``: score a questionnaire from the command line, with no database.

Answers are comma-separated, in the instrument's item order (``docs/instruments.md`` lists it).
Choice items take their score (``0``-``3`` for the PHQ-9); yes/no items take ``yes``/``no`` (or
``y``/``n``, ``1``/``0``); numbers are written plainly (``7.5``); an empty field skips an
optional item; trailing optional items can be left off. When the last item is free text (the
daily check-in's note) it takes the rest of the line, commas included.
"""

from __future__ import annotations

import json
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from stepdown.cli.errors import fail
from stepdown.cli.language import current, gettext_noop, plain, worded
from stepdown.cli.language import gettext as _
from stepdown.core.instruments import (
    Instrument,
    InvalidAnswerError,
    ItemKind,
    ScoreResult,
    UnknownInstrumentError,
    get_instrument,
    partial_flags,
    score_responses,
)
from stepdown.core.instruments.language import translation_for
from stepdown.core.rules.safety import SELF_HARM_FLAGS

# Shown whenever a response raises the self_harm flag (sources: Lifeline988, SAMHSAHelpline);
# its French names France's 3114 too, as the French pages do.
CRISIS_MESSAGE = gettext_noop(
    "If you are thinking about harming yourself, help is there right now: call or text 988 "
    "(US and Canada), call your local emergency number, or call the SAMHSA National Helpline on "
    "1-800-662-4357 (free, confidential, 24 hours a day)."
)


class OutputFormat(StrEnum):
    """How ``stepdown score`` prints its result."""

    TEXT = "text"
    JSON = "json"


def register(app: typer.Typer) -> None:
    """Add the ``score`` command to ``app``."""
    app.command(
        name="score",
        help=gettext_noop(
            "Score a questionnaire and print the total, band, subscores and flags. Flags are "
            "read from the valid answers first: an unfinished response with a self-harm answer "
            "prints the crisis lines before the line that says what is missing."
        ),
    )(score)


def score(
    code: Annotated[
        str, typer.Argument(help=gettext_noop("Instrument code, e.g. phq9, gad7, cows, daily."))
    ],
    answers: Annotated[
        str,
        typer.Option(
            "--answers",
            help=gettext_noop("Comma-separated answers in item order; yes/no items as yes or no."),
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help=gettext_noop("text (default) or json."))
    ] = OutputFormat.TEXT,
) -> None:
    """Score a questionnaire and print the total, band, subscores and flags.

    Flags are read from the valid answers first: an unfinished response with a self-harm answer
    prints the crisis lines before the line that says what is missing.
    """
    try:
        instrument = get_instrument(code, current())
    except UnknownInstrumentError as error:
        fail(
            _("unknown instrument %(code)s; known instruments: %(known)s")
            % {"code": repr(error.code), "known": ", ".join(error.known)}
        )
    split = split_answers(instrument, answers)
    try:
        result = score_responses(code, split)
    except InvalidAnswerError as error:
        if SELF_HARM_FLAGS.intersection(partial_flags(instrument, split).flags):
            typer.echo(_(CRISIS_MESSAGE))
        fail(error.sentence(worded))
    if output_format is OutputFormat.JSON:
        typer.echo(json.dumps(result_as_json(result), ensure_ascii=False))
    else:
        print_summary(instrument, result)


def split_answers(instrument: Instrument, raw: str) -> list[str]:
    """Split ``--answers`` into one string per item, in item order."""
    if instrument.items[-1].kind is ItemKind.TEXT:
        parts = raw.split(",", len(instrument.items) - 1)
    else:
        parts = raw.split(",")
    return [
        yes_no_word(part.strip())
        if index < len(instrument.items) and instrument.items[index].kind is ItemKind.YES_NO
        else part.strip()
        for index, part in enumerate(parts)
    ]


# French answers to a yes/no question, as the core reads them (it reads English words).
_FRENCH_YES_NO = {"oui": "yes", "o": "yes", "non": "no", "refus": "refused", "refusé": "refused"}


def yes_no_word(answer: str) -> str:
    """``answer`` to a yes/no question, with French words ("oui", "non", "refus") read too."""
    return _FRENCH_YES_NO.get(" ".join(answer.lower().split()), answer)


def _json_number(value: int | Decimal) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def result_as_json(result: ScoreResult) -> dict[str, object]:
    """The documented JSON shape: instrument, total, band, subscores, flags."""
    return {
        "instrument": result.instrument,
        "total": result.total,
        "band": result.band,
        "subscores": {code: _json_number(value) for code, value in result.subscores.items()},
        "flags": list(result.flags),
    }


def print_summary(instrument: Instrument, result: ScoreResult) -> None:
    """A readable summary with Rich."""
    console = Console()
    console.print(f"[bold]{escape(instrument.name)}[/bold] ({escape(instrument.time_window)})")
    translation = translation_for(instrument, instrument.language)
    if translation is not None and not translation.official:
        console.print(escape(_("The project's own translation, not validated.")))
    band = instrument.band_for(result.total)
    band_text = band.label if band is not None else _("no bands for this instrument")
    total_label = escape(instrument.total_label)
    console.print(
        _("%(label)s: %(total)s")
        % {"label": total_label, "total": f"[bold]{plain(result.total)}[/bold]"}
    )
    console.print(escape(_("Band: %(band)s") % {"band": band_text}))
    if result.subscores:
        table = Table(_("Subscore"), _("Value"))
        labels = {subscore.code: subscore.label for subscore in instrument.subscores}
        for code, value in result.subscores.items():
            table.add_row(labels.get(code, code), plain(_json_number(value)))
        console.print(table)
    descriptions = {rule.code: rule.description for rule in instrument.flags}
    for flag in result.flags:
        heading = _("Flag %(code)s") % {"code": flag}
        console.print(
            _("%(label)s: %(total)s")
            % {
                "label": f"[bold red]{heading}[/bold red]",
                "total": escape(descriptions.get(flag, "")),
            }
        )
    if SELF_HARM_FLAGS.intersection(result.flags):
        console.print(f"[bold]{escape(_(CRISIS_MESSAGE))}[/bold]")
    if instrument.reference_cutoffs:
        table = Table(
            _("Population (not kratom)"),
            _("Cut-off"),
            _("Source"),
            title=_("Published cut-offs for other substances, for context only"),
        )
        for cutoff in instrument.reference_cutoffs:
            note = f" ({cutoff.note})" if cutoff.note else ""
            table.add_row(cutoff.population, f"≥ {plain(cutoff.at_least)}{note}", cutoff.source)
        console.print(table)
    if not instrument.validated:
        words = escape(_("Not a validated scale: compare with your own earlier days."))
        console.print(f"[italic]{words}[/italic]")
