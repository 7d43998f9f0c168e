"""``stepdown backup`` and ``stepdown restore``: the whole instance (database and media) in one
``.tar.gz``, and back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail, os_reason, outside_problem
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop, ngettext


def _print_counts(title: str, counts: dict[str, int], media_files: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    table.add_column(_("Table"))
    table.add_column(_("Rows"), justify="right")
    for name, rows in counts.items():
        if rows:  # the many empty tables would hide the ones that matter
            table.add_row(name, str(rows))
    table.add_row(_("media files"), str(media_files))
    Console().print(table)
    files = ngettext("%(count)s media file", "%(count)s media files", media_files) % {
        "count": media_files
    }
    typer.echo(
        _("%(rows)s rows in %(tables)s tables, %(files)s.")
        % {"rows": sum(counts.values()), "tables": len(counts), "files": files}
    )


def _refusal(error: Exception) -> str:
    """Why a backup or a restore stopped: a damaged archive or a database driver's failure in
    our own sentence (its English detail only in the debug log), Stepdown's own reason as it is."""
    return outside_problem(error.__cause__) or str(error)


def backup(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help=gettext_noop(
                "The archive to write (default: stepdown-backup-<date>-<time>.tar.gz here)."
            ),
        ),
    ] = None,
) -> None:
    """Back up the database and the media folder into one .tar.gz archive."""
    setup_django()
    from stepdown.backups import BackupError, backup_create

    if out is None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        out = Path(f"stepdown-backup-{stamp}.tar.gz")
    try:
        manifest = backup_create(out=out)
    except BackupError as error:
        fail(_refusal(error))
    except OSError as error:
        fail(_("cannot write %(file)s: %(reason)s") % {"file": out, "reason": os_reason(error)})
    _print_counts(_("Backed up"), manifest["tables"], len(manifest["media"]))
    typer.echo(
        _("Wrote %(file)s (readable by your account only). Keep a copy on another disk.")
        % {"file": out}
    )


def restore(
    file: Annotated[
        Path, typer.Argument(help=gettext_noop("A .tar.gz archive written by 'stepdown backup'."))
    ],
    force: bool = typer.Option(
        False,
        "--force",
        help=gettext_noop("Replace a database and media folder that already hold data."),
    ),
) -> None:
    """Restore a backup into an empty data folder or database, then check it."""
    setup_django()
    from stepdown.backups import BackupError, backup_restore

    try:
        restored = backup_restore(source=file, force=force)
    except BackupError as error:
        fail(_refusal(error))
    _print_counts(_("Restored"), restored.counts, restored.media_files)
    if restored.vendor == "sqlite":
        typer.echo(_("Integrity check: ok. Row counts match the backup."))
    else:
        typer.echo(_("Row counts match the backup."))


def register(app: typer.Typer) -> None:
    app.command(
        "backup",
        help=gettext_noop("Back up the database and the media folder into one .tar.gz archive."),
    )(backup)
    app.command(
        "restore",
        help=gettext_noop("Restore a backup into an empty data folder or database, then check it."),
    )(restore)
