"""How every command reports bad input: one line on stderr and exit code 2.

That holds for the arguments Typer (Click) parses itself too: :class:`OneLineErrors` replaces
the framework's multi-line usage box with one line.
"""

from __future__ import annotations

import errno
import json
import logging
import sqlite3
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Sequence
from typing import Any, NoReturn

import typer

# Typer vendors Click as ``typer._click``; its parser raises these (plain ``click`` is another
# copy whose exceptions never match).
from typer._click import exceptions as click
from typer.core import TyperGroup

from stepdown.cli import language, wording
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop

USAGE_ERROR_EXIT_CODE = 2

_log = logging.getLogger("stepdown.cli")

# Errors from outside Stepdown (a database driver, a cache client, a damaged archive) word their
# detail in English and may name a host, a file or a row. Each class gets one sentence of our
# own, in the reader's language; the detail goes to the log at DEBUG level only
# (STEPDOWN_LOG_LEVEL=DEBUG shows it), never into the one-line message.
DATABASE_PROBLEM = gettext_noop(
    "the database could not be opened or read: check DATABASE_URL (or, for SQLite, that the "
    "file is not damaged)"
)
CACHE_PROBLEM = gettext_noop(
    "the cache at STEPDOWN_CACHE_URL is not reachable: check that address and that the cache "
    "server is running"
)
ARCHIVE_PROBLEM = gettext_noop("the archive cannot be read: it is damaged or not a Stepdown backup")
ZIP_PROBLEM = gettext_noop("the file cannot be read: it is damaged or not a Stepdown export")
DATA_PROBLEM = gettext_noop("the file's data cannot be read: it is damaged or not Stepdown's")


def fail(message: str, *, code: int = USAGE_ERROR_EXIT_CODE) -> NoReturn:
    """Print ``message`` as one line on stderr and stop with ``code``."""
    typer.echo(f"stepdown: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)


def os_reason(error: OSError) -> str:
    """Why the system refused a file, in the current language (the system words it in English)."""
    if language.current() == language.ENGLISH:
        return str(error.strerror or error)
    reasons = {
        errno.ENOENT: _("no such file or folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.EISDIR: _("it is a folder"),
        errno.ENOSPC: _("no space left on the disk"),
        errno.EROFS: _("the disk is read-only"),
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return _("system error %(code)s") % {"code": errno.errorcode.get(error.errno or 0, error.errno)}


def outside_errors() -> tuple[tuple[tuple[type[BaseException], ...], str], ...]:
    """Each class of outside error the commands catch, with its sentence; the first match wins.
    Django, psycopg and redis are imported here only, so the pure commands never load them."""
    import psycopg
    from django.db import Error as DjangoDatabaseError
    from redis.exceptions import RedisError

    return (
        ((DjangoDatabaseError, sqlite3.Error, psycopg.Error), DATABASE_PROBLEM),
        ((RedisError,), CACHE_PROBLEM),
        ((tarfile.TarError, zlib.error, EOFError), ARCHIVE_PROBLEM),
        ((zipfile.BadZipFile, zipfile.LargeZipFile), ZIP_PROBLEM),
        ((json.JSONDecodeError, UnicodeDecodeError), DATA_PROBLEM),
    )


def outside_problem(error: BaseException | None) -> str | None:
    """Our own sentence for an error from outside Stepdown, in the current language (``None``
    for any other error); its English detail is logged at DEBUG level, not shown."""
    if error is None:
        return None
    for classes, sentence in outside_errors():
        if isinstance(error, classes):
            log_detail(error)
            return _(sentence)
    return None


def log_detail(error: BaseException | str) -> None:
    """An outside error's own words, for whoever runs with STEPDOWN_LOG_LEVEL=DEBUG."""
    if isinstance(error, str):
        _log.debug("%s", error)
    else:
        _log.debug("%s: %s", type(error).__name__, error)


class OneLineErrors(TyperGroup):
    """The root command group: Click's usage errors become one line and exit code 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        language.activate_from_environment()
        wording.localise(self)
        try:
            return self._main(
                args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )
        finally:
            language.release()

    def _main(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        standalone_mode: bool,
        windows_expand_args: bool,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(
                args, prog_name, complete_var, standalone_mode, windows_expand_args, **extra
            )
        try:
            result = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except click.NoArgsIsHelpError as error:
            error.show()  # no arguments at all: the help, as before
            sys.exit(error.exit_code)
        except click.ClickException as error:
            _one_line(error)
        except typer.Abort:
            typer.echo("stepdown: " + _("stopped"), err=True)
            sys.exit(1)
        except Exception as error:
            # A database or an archive failing where no command expected it: one line of ours.
            problem = outside_problem(error)
            if problem is None:
                raise
            typer.echo(f"stepdown: {problem}", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _one_line(error: click.ClickException) -> NoReturn:
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "stepdown"
    words = " ".join(wording.click_message(error).split()).rstrip(".")
    code = USAGE_ERROR_EXIT_CODE if isinstance(error, click.UsageError) else error.exit_code
    line = _("%(problem)s; see '%(command)s --help'") % {"problem": words, "command": command}
    typer.echo(f"stepdown: {line}", err=True)
    sys.exit(code)
