"""``stepdown export`` and ``stepdown import``: one person's whole record as a ZIP, and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail, os_reason
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop


def export(
    user: Annotated[
        str, typer.Option("--user", help=gettext_noop("The email address of the account."))
    ],
    out: Annotated[Path, typer.Option("--out", help=gettext_noop("The ZIP file to write."))],
) -> None:
    """Write everything one person's account holds to a ZIP (stepdown.json, CSVs, photos)."""
    setup_django()
    from rich.progress import Progress

    from stepdown.accounts.models import User
    from stepdown.records.exporting import export_chunks, row_count
    from stepdown.records.snapshot import read_snapshot

    owner = User.objects.filter(email=user.strip().lower()).first()
    if owner is None:
        fail(_("no account with the email %(email)s") % {"email": user})
    partial = out.with_name(out.name + ".part")
    try:
        # The count for the bar comes from the export's own snapshot.
        with Progress(transient=True) as bar, partial.open("wb") as file, read_snapshot():
            task = bar.add_task(_("Exporting"), total=row_count(owner))
            for chunk in export_chunks(owner, progress=lambda rows: bar.advance(task, rows)):
                file.write(chunk)
        partial.replace(out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        fail(_("cannot write %(file)s: %(reason)s") % {"file": out, "reason": os_reason(error)})
    typer.echo(
        _("Wrote %(file)s. It holds health information: keep it somewhere safe.") % {"file": out}
    )


def import_(
    file: Annotated[
        Path, typer.Argument(help=gettext_noop("A ZIP written by 'stepdown export' or the web."))
    ],
    user: Annotated[
        str | None,
        typer.Option(
            "--user", help=gettext_noop("Import into this account (default: the file's account).")
        ),
    ] = None,
) -> None:
    """Read an export back in: into --user, or into the file's account (made if missing)."""
    setup_django()
    from stepdown.accounts.models import User
    from stepdown.records.importing import ImportRefused, import_file

    into = None
    if user is not None:
        into = User.objects.filter(email=user.strip().lower()).first()
        if into is None:
            fail(_("no account with the email %(email)s") % {"email": user})
    try:
        result = import_file(file, into=into)
    except ImportRefused as error:
        fail(_("cannot import %(file)s: %(problem)s") % {"file": file, "problem": error})
    if result.added == 0:
        typer.echo(
            _("Nothing new was added: %(file)s is already in %(email)s.")
            % {"file": file, "email": result.owner.email}
        )
        return
    # The tables are named as in the export format (docs/data.md), in both languages.
    parts = ", ".join(
        _("%(count)s %(table)s") % {"count": count, "table": name}
        for name, count in sorted(result.created.items())
    )
    typer.echo(
        _("Imported into %(email)s: %(parts)s.") % {"email": result.owner.email, "parts": parts}
    )
    if result.created_account:
        typer.echo(
            _(
                "The account is new and has no password yet: run 'stepdown password-reset "
                "%(email)s' to choose one."
            )
            % {"email": result.owner.email}
        )


def register(app: typer.Typer) -> None:
    app.command(
        "export",
        help=gettext_noop(
            "Write everything one person's account holds to a ZIP (stepdown.json, CSVs, photos)."
        ),
    )(export)
    app.command(
        "import",
        help=gettext_noop(
            "Read an export back in: into --user, or into the file's account (made if missing)."
        ),
    )(import_)
