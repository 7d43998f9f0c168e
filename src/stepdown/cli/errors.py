"""How every command reports bad input: one line on stderr and exit code 2.

That holds for the arguments Typer (Click) parses itself too: :class:`OneLineErrors` replaces
the framework's multi-line usage box with one line.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer

# Typer vendors Click as ``typer._click``; its parser raises these (plain ``click`` is another
# copy whose exceptions never match).
from typer._click import exceptions as click
from typer.core import TyperGroup

from stepdown.cli import language, wording
from stepdown.cli.language import gettext as _

USAGE_ERROR_EXIT_CODE = 2


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
        sys.exit(result if isinstance(result, int) else 0)


def _one_line(error: click.ClickException) -> NoReturn:
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "stepdown"
    words = " ".join(wording.click_message(error).split()).rstrip(".")
    code = USAGE_ERROR_EXIT_CODE if isinstance(error, click.UsageError) else error.exit_code
    line = _("%(problem)s; see '%(command)s --help'") % {"problem": words, "command": command}
    typer.echo(f"stepdown: {line}", err=True)
    sys.exit(code)
