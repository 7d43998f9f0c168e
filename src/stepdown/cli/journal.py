"""Journal commands for the local database: ``stepdown log`` and ``stepdown today``."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop, ngettext, number

if TYPE_CHECKING:
    from stepdown.accounts.models import User

_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$", re.IGNORECASE)
_UNITS = {"": "g", "g": "g", "mg": "mg", "ml": "ml", "cap": "capsule", "caps": "capsule",
          "capsule": "capsule", "capsules": "capsule"}  # fmt: skip


def parse_amount(text: str) -> tuple[str, str]:
    """``"2.5g"`` → ``("2.5", "g")``; ``"3 caps"`` → ``("3", "capsule")``."""
    match = _AMOUNT.match(text)
    if not match or match.group(2).lower() not in _UNITS:
        fail(
            _("cannot read the amount %(amount)s; write it like 2.5g, 500mg, 3caps or 10ml")
            % {"amount": repr(text)}
        )
    return match.group(1), _UNITS[match.group(2).lower()]


def _choose_user(email: str | None) -> User:
    from stepdown.accounts.models import User

    if email:
        user = User.objects.filter(email=email.strip().lower(), is_active=True).first()
        if user is None:
            fail(_("no account with the email %(email)s") % {"email": email})
        return user
    users = list(User.objects.filter(is_active=True)[:2])
    if not users:
        fail(_("there is no account yet; sign up at http://127.0.0.1:8000 or run stepdown demo"))
    if len(users) > 1:
        fail(_("this database has several accounts; choose one with --user EMAIL"))
    return users[0]


def _parse_time(text: str, user: User) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        fail(
            _("cannot read the time %(time)s; use ISO form like 2026-11-21T08:30")
            % {"time": repr(text)}
        )
    return moment if moment.tzinfo else moment.replace(tzinfo=user.zone)


def log(
    amount: str = typer.Argument(
        ..., help=gettext_noop("Amount with unit: 2.5g, 500mg, 3caps or 10ml.")
    ),
    product: str = typer.Option(
        None, help=gettext_noop("Product name (default: the product of your last dose).")
    ),
    at: str = typer.Option(None, help=gettext_noop("When it was taken, ISO form (default: now).")),
    purpose: str = typer.Option(
        "", help=gettext_noop("energy, pain, mood, withdrawal_relief, sleep, social, other.")
    ),
    note: str = typer.Option("", help=gettext_noop("A short note.")),
    user: str = typer.Option(
        None, "--user", help=gettext_noop("Account email (needed when there are several).")
    ),
    confirm: bool = typer.Option(
        False, "--confirm", help=gettext_noop("Save a time long before the rest of your journal.")
    ),
) -> None:
    """Log a dose in the local journal."""
    value, unit = parse_amount(amount)
    setup_django(migrate=True)
    from stepdown.errors import InvalidInput, NeedsConfirmation, NotFound
    from stepdown.journal import selectors, services

    person = _choose_user(user)
    product_id = None
    if product:
        try:
            product_id = selectors.product_by_name(owner=person, name=product).pk
        except NotFound:
            fail(_("no product called %(name)s in your library") % {"name": repr(product)})
    else:
        last = selectors.last_dose(owner=person)
        if last is not None and last.product is not None and last.product.archived_at is None:
            product_id = last.product_id
    try:
        result = services.dose_create(
            owner=person,
            amount=value,
            unit=unit,
            product_id=product_id,
            taken_at=_parse_time(at, person) if at else None,
            purpose=purpose,
            note=note,
            confirm_unusual=confirm,
        )
    except InvalidInput as error:
        hint = " " + _("(add --confirm to save it)") if isinstance(error, NeedsConfirmation) else ""
        fail(
            _("%(option)s: %(problem)s") % {"option": error.field, "problem": error.message} + hint
        )
    dose = result.dose
    quantity = {"amount": number(dose.amount.normalize(), "f"), "unit": dose.unit}
    if dose.product:
        logged = _("Logged %(amount)s %(unit)s of %(product)s") % {
            **quantity,
            "product": dose.product.name,
        }
    else:
        logged = _("Logged %(amount)s %(unit)s") % quantity
    if dose.mitragynine_mg is not None:
        mark = "≈" if dose.mitragynine_estimated else ""
        logged += " " + _("(%(mg)s mg mitragynine)") % {
            "mg": mark + number(dose.mitragynine_mg, "")
        }
    typer.echo(f"{logged}.")
    for flag in result.flags:
        typer.echo(_("Note: %(message)s") % {"message": _(flag.message)}, err=True)


def today(
    as_json: bool = typer.Option(
        False, "--json", help=gettext_noop("Print JSON instead of a table.")
    ),
    user: str = typer.Option(
        None, "--user", help=gettext_noop("Account email (needed when there are several).")
    ),
) -> None:
    """Show today's totals and averages."""
    setup_django(migrate=True)
    from stepdown.journal.schemas import TodayOut
    from stepdown.journal.selectors import today_summary

    person = _choose_user(user)
    data: dict[str, Any] = TodayOut.of(today_summary(owner=person)).model_dump()
    if as_json:
        typer.echo(json.dumps(data, default=_iso, indent=2))
        return
    table = Table(title=_("Today, %(date)s") % {"date": data["date"]}, show_header=False)
    mg = data["mitragynine_mg"]
    count = data["dose_count"]
    total = ngettext("%(grams)s g in %(count)s dose", "%(grams)s g in %(count)s doses", count) % {
        "grams": number(data["total_g"], "g"),
        "count": count,
    }
    rows = [
        (_("Total"), total),
        (_("Mitragynine"), _milligrams(mg, estimated=data["mitragynine_estimated"])),
        (_("Last dose"), _local(data["last_dose_at"], person)),
        (_("7-day average"), _per_day(data["avg_7d_g"])),
        (_("28-day average"), _per_day(data["avg_28d_g"])),
    ]
    for label, value in rows:
        table.add_row(label, value)
    Console().print(table)


def _milligrams(value: float | None, *, estimated: bool) -> str:
    if value is None:
        return "—"
    return f"{'≈' if estimated else ''}{number(value, 'g')} mg"


def _per_day(grams: float | None) -> str:
    return "—" if grams is None else _("%(grams)s g/day") % {"grams": number(grams, "g")}


def _iso(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _local(moment: dt.datetime | None, person: User) -> str:
    from stepdown.web.formatting import date

    return "—" if moment is None else date(moment.astimezone(person.zone), _("D d M H:i"))


def register(app: typer.Typer) -> None:
    app.command(help=gettext_noop("Log a dose in the local journal."))(log)
    app.command(help=gettext_noop("Show today's totals and averages."))(today)
