"""``stepdown export`` and ``stepdown import``: one person's whole record as a ZIP, and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail


def export(
    user: Annotated[str, typer.Option("--user", help="The email address of the account.")],
    out: Annotated[Path, typer.Option("--out", help="The ZIP file to write.")],
) -> None:
    """Write everything one person's account holds to a ZIP (stepdown.json, CSVs, photos)."""
    setup_django()
    from rich.progress import Progress

    from stepdown.accounts.models import User
    from stepdown.records.exporting import export_chunks, row_count
    from stepdown.records.snapshot import read_snapshot

    owner = User.objects.filter(email=user.strip().lower()).first()
    if owner is None:
        fail(f"no account with the email {user}")
    partial = out.with_name(out.name + ".part")
    try:
        # The count for the bar comes from the export's own snapshot.
        with Progress(transient=True) as bar, partial.open("wb") as file, read_snapshot():
            task = bar.add_task("Exporting", total=row_count(owner))
            for chunk in export_chunks(owner, progress=lambda rows: bar.advance(task, rows)):
                file.write(chunk)
        partial.replace(out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        fail(f"cannot write {out}: {error.strerror or error}")
    typer.echo(f"Wrote {out}. It holds health information: keep it somewhere safe.")


def import_(
    file: Annotated[Path, typer.Argument(help="A ZIP written by 'stepdown export' or the web.")],
    user: Annotated[
        str | None,
        typer.Option("--user", help="Import into this account (default: the file's account)."),
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
            fail(f"no account with the email {user}")
    try:
        result = import_file(file, into=into)
    except ImportRefused as error:
        fail(f"cannot import {file}: {error}")
    if result.added == 0:
        typer.echo(f"Nothing new was added: {file} is already in {result.owner.email}.")
        return
    parts = ", ".join(f"{count} {name}" for name, count in sorted(result.created.items()))
    typer.echo(f"Imported into {result.owner.email}: {parts}.")
    if result.created_account:
        typer.echo(
            "The account is new and has no password yet: run "
            f"'stepdown password-reset {result.owner.email}' to choose one."
        )


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)
