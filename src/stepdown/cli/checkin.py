"""``stepdown checkin``: answer the daily check-in (or another questionnaire) in the terminal.

The answers go through the same service as the web form, so they are scored on the same
server-side rules, count for the same window, and a self-harm flag prints crisis lines at once.
A bad answer is explained and asked again; a blank skips an optional question. A person who
stops before the end (Ctrl-C, end of input) after an answer that raises a flag keeps those
answers as an unfinished draft, with crisis help first; otherwise nothing is saved.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail
from stepdown.cli.language import current, gettext_noop, number, worded
from stepdown.cli.language import gettext as _
from stepdown.cli.score import CRISIS_MESSAGE, yes_no_word
from stepdown.core.instruments import (
    Instrument,
    InvalidAnswerError,
    Item,
    ItemKind,
    get_instrument,
    partial_flags,
)
from stepdown.core.instruments.answers import is_blank, parse_answer
from stepdown.core.rules.safety import SELF_HARM_FLAGS

if TYPE_CHECKING:
    from stepdown.accounts.models import User

_DECIMAL_COMMA = re.compile(r"\d+,\d+")


def register(app: typer.Typer) -> None:
    """Add the ``checkin`` command to ``app``."""
    app.command(
        name="checkin",
        help=gettext_noop("Answer today's check-in interactively, in the local database."),
    )(checkin)


def _hint(item: Item) -> str:
    if item.kind is ItemKind.CHOICE:
        return ", ".join(f"{o.value} {o.label.lower()}" for o in item.options)
    if item.kind is ItemKind.YES_NO:
        return _("yes, no or refused") if item.refusal is not None else _("yes or no")
    if item.kind is ItemKind.NUMBER:
        low, high = number(item.minimum, ""), number(item.maximum, "")
        anchors = ""
        if item.min_label and item.max_label:
            anchors = f"; {low} {item.min_label.lower()}, {high} {item.max_label.lower()}"
        unit = f" {item.unit}" if item.unit else ""
        return f"{low}–{high}{unit}{anchors}"
    return _("text")


def ask(console: Console, instrument: Instrument, item: Item, current: object = None) -> object:
    """Ask one question until the answer is valid; ``None`` when an optional one is skipped."""
    optional = not item.is_always_required
    hint = _("%(hint)s, optional") % {"hint": _hint(item)} if optional else _hint(item)
    label = f"[bold]{escape(item.text)}[/bold] [dim]({escape(hint)})[/dim]"
    default = "" if current is None else str(current)
    while True:
        raw = Prompt.ask(label, console=console, default=default, show_default=bool(default))
        if is_blank(raw):
            if optional:
                return None
            console.print(f"[red]{escape(_('Please answer this question.'))}[/red]")
            continue
        try:
            if item.kind is ItemKind.YES_NO:
                raw = yes_no_word(raw)
            if item.kind is ItemKind.NUMBER and _DECIMAL_COMMA.fullmatch(raw.strip()):
                raw = raw.replace(",", ".")  # 7,5 as French writes it
            return parse_answer(instrument.code, item, raw)
        except InvalidAnswerError as error:
            console.print(f"[red]{escape(worded(error.says))}[/red]")


def _asked(item: Item, answers: dict[str, Any]) -> bool:
    """Conditional questions (the ASQ's "right now") only after the answer that opens them."""
    if item.asked_if is None:
        return True
    return any(
        isinstance(answers.get(code), int) and answers[code] >= item.asked_if.minimum
        for code in item.asked_if.items
    )


def checkin(
    instrument_code: str = typer.Option(
        "daily",
        "--instrument",
        help=gettext_noop("Questionnaire code (default: the daily check-in)."),
    ),
    user: str = typer.Option(
        None, "--user", help=gettext_noop("Account email (needed when there are several).")
    ),
) -> None:
    """Answer today's check-in interactively, in the local database."""
    setup_django(migrate=True)
    from stepdown.accounts.clock import local_today
    from stepdown.checkins import selectors, services
    from stepdown.cli.journal import _choose_user
    from stepdown.errors import InvalidInput
    from stepdown.web.formatting import date

    person: User = _choose_user(user)
    try:
        instrument = services.instrument_for_person(instrument_code)
    except InvalidInput as error:
        fail(error.message)
    instrument = get_instrument(instrument.code, current())
    console = Console(highlight=False)
    today = local_today(person)
    existing = None
    if instrument.code == "daily":
        existing = selectors.responses_for(
            owner=person, instrument="daily", since=today, until=today, drafts=True
        ).first()
    console.print(f"[bold]{escape(instrument.name)}[/bold] — {date(today, 'l j F')}")
    if existing is not None:
        console.print(_("You already checked in today; your answers are shown and can be changed."))
    console.print(escape(instrument.instructions))
    answers: dict[str, Any] = {}
    finished = _ask_all(console, instrument, existing, answers)
    if not finished and not partial_flags(instrument, answers).flags:
        fail(_("Stopped before the end; nothing was saved."), code=1)
    try:
        if existing is not None:
            result = services.response_update(
                owner=person, response_id=existing.pk, answers=answers
            )
        else:
            result = services.response_submit(
                owner=person, instrument=instrument.code, answers=answers
            )
    except InvalidInput as error:
        fail(_("%(option)s: %(problem)s") % {"option": error.field, "problem": error.message})
    _report(console, instrument, result)
    if not finished:
        fail(
            _("Stopped before the end; your answers so far are kept as an unfinished draft."),
            code=1,
        )


def _ask_all(
    console: Console, instrument: Instrument, existing: Any, answers: dict[str, Any]
) -> bool:
    """Ask every question into ``answers``; False when the person stopped before the end.

    Crisis help is printed as soon as an answer raises a self-harm flag, not only at the end.
    """
    section = None
    helped = False
    try:
        for item in instrument.items:
            if not _asked(item, answers):
                continue
            if item.section and item.section != section:
                section = item.section
                console.rule(escape(section.replace("_", " ").capitalize()))
            current = existing.answers.get(item.code) if existing is not None else None
            answers[item.code] = ask(console, instrument, item, current)
            if not helped and SELF_HARM_FLAGS.intersection(
                partial_flags(instrument, answers).flags
            ):
                helped = True
                console.print(f"\n[bold red]{escape(_(CRISIS_MESSAGE))}[/bold red]\n")
    except (KeyboardInterrupt, EOFError):
        console.print()
        return False
    return True


def _report(console: Console, instrument: Instrument, result: Any) -> None:
    from stepdown.checkins.meaning import compare_with_recent
    from stepdown.checkins.wording import band_label
    from stepdown.web.formatting import date

    response = result.response
    if result.crisis:
        # Help first, before any number.
        console.print(f"\n[bold red]{escape(_(CRISIS_MESSAGE))}[/bold red]")
        console.print(
            _("Your safety plan: open Stepdown and choose Check-in → My safety plan.") + "\n"
        )
    if response.complete:
        band = f" ({band_label(instrument.code, response.band)})" if response.band else ""
        comparison = compare_with_recent(response).sentence
        total = f"[bold]{number(response.total, '')}[/bold]{escape(band)}"
        console.print(
            _("%(label)s: %(total)s") % {"label": escape(instrument.total_label), "total": total}
        )
        console.print(escape(_("That is %(comparison)s.") % {"comparison": comparison}))
    else:
        console.print(_("Unfinished: no score until every question is answered."))
    rules = {rule.code: rule for rule in instrument.flags}
    for flag in response.flags:
        if flag in rules and flag not in SELF_HARM_FLAGS:  # already answered by the help above
            console.print(f"[yellow]{escape(rules[flag].description)}[/yellow]")
    day = {"date": date(response.local_date, "j F Y")}
    if result.created:
        console.print(_("Answers saved for %(date)s.") % day)
    else:
        console.print(_("Answers updated for %(date)s.") % day)
