"""The words of the ``stepdown`` command tree in the chosen language: our commands' and
options' help, and the words Typer and Click print around them (Usage, Options, [default: …],
the one-line errors for arguments they parse themselves).

Help texts are written in English in the command modules, marked with ``gettext_noop``, and
translated here when a command line starts, on the fresh command objects Typer builds for it.
Typer calls the standard library's ``gettext`` for a few words of its own ("No such command
…"), so the domain is bound to the same catalogue; the copy of Click that Typer carries writes
its words as plain English, so :func:`click_message` words its errors from their parts.
"""

from __future__ import annotations

import enum
import gettext as stdlib_gettext
import re
from typing import Any

from typer._click import core as click_core
from typer._click import exceptions as click
from typer._click.formatting import HelpFormatter

from stepdown.cli import language
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop
from stepdown.config.catalogue import LOCALE_DIR

# Words Typer looks up with the standard library's gettext, listed so the catalogue keeps them.
TYPER_WORDS = (
    gettext_noop("No such command {name!r}."),
    gettext_noop("Missing command."),
    gettext_noop("Aborted!"),
    gettext_noop("default: {default}"),
    gettext_noop("env var: {var}"),
    gettext_noop("required"),
    gettext_noop("(dynamic)"),
)
_EXTRA_ARGUMENTS = re.compile(r"^Got unexpected extra argument\(s\) \((?P<words>.*)\)$")


class _Formatter(HelpFormatter):
    """Click's help formatter with its "Usage:" in the chosen language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage: ") if prefix is None else prefix)


class _Context(click_core.Context):
    formatter_class = _Formatter


def localise(command: click_core.Command) -> None:
    """Put ``command``, its options and subcommands, and Typer's words in the current language."""
    _bind_typer_domain()
    _typer_panel_words()
    _localise_command(command)


def _bind_typer_domain() -> None:
    if language.current() == language.ENGLISH:
        stdlib_gettext.textdomain("messages")  # the standard library's default: no catalogue
        return
    # The standard library finds the language from the same variables language.py reads.
    stdlib_gettext.bindtextdomain(language.DOMAIN, str(LOCALE_DIR))
    stdlib_gettext.textdomain(language.DOMAIN)


def _typer_panel_words() -> None:
    """Typer's help panels read these module constants each time they draw."""
    from typer import rich_utils

    rich_utils.DEPRECATED_STRING = _("(deprecated) ")
    rich_utils.DEFAULT_STRING = _("[default: {}]")
    rich_utils.ENVVAR_STRING = _("[env var: {}]")
    rich_utils.REQUIRED_LONG_STRING = _("[required]")
    rich_utils.ARGUMENTS_PANEL_TITLE = _("Arguments")
    rich_utils.OPTIONS_PANEL_TITLE = _("Options")
    rich_utils.COMMANDS_PANEL_TITLE = _("Commands")
    rich_utils.ERRORS_PANEL_TITLE = _("Error")
    rich_utils.ABORTED_TEXT = _("Aborted.")
    rich_utils.RICH_HELP = _("Try [blue]'{command_path} {help_option}'[/] for help.")


def _english(owner: Any, attribute: str) -> Any:
    """The English text as the module wrote it, kept aside the first time it is translated."""
    originals: dict[str, Any] = owner.__dict__.setdefault("_stepdown_english", {})
    return originals.setdefault(attribute, getattr(owner, attribute))


def _translated(owner: Any, attribute: str) -> None:
    text = _english(owner, attribute)
    if isinstance(text, str) and text:
        setattr(owner, attribute, _(text))


def _localise_command(command: click_core.Command) -> None:
    command.context_class = _Context
    _translated(command, "help")
    _translated(command, "short_help")
    help_option = command.get_help_option(_Context(command))
    if help_option is not None:
        help_option.help = _("Show this message and exit.")
    for param in command.params:
        _translated(param, "help")
        _translated(param, "show_default")
    for subcommand in getattr(command, "commands", {}).values():
        _localise_command(subcommand)


def click_message(error: click.ClickException) -> str:
    """What Click found wrong, in the current language (Click's own words in English)."""
    if language.current() == language.ENGLISH:
        return error.format_message()
    param = getattr(error, "param", None)
    if isinstance(error, click.MissingParameter) and param is not None:
        if param.param_type_name == "argument":
            return _("Missing argument %(name)s") % {"name": param.get_error_hint()}
        return _("Missing option %(name)s") % {"name": param.get_error_hint()}
    if isinstance(error, click.BadParameter) and param is not None:
        return _bad_value(param)
    if isinstance(error, click.NoSuchOption):
        return _("No such option: %(option)s") % {"option": error.option_name}
    if isinstance(error, click.BadOptionUsage):
        return _("Option '%(option)s' requires an argument.") % {"option": error.option_name}
    extra = _EXTRA_ARGUMENTS.match(error.message)
    if extra:
        return _("Got unexpected extra argument(s) (%(arguments)s)") % {
            "arguments": extra.group("words")
        }
    # Typer's own words ("No such command …") are already translated through gettext.
    return error.format_message()


def _bad_value(param: Any) -> str:
    name = param.get_error_hint()
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and descriptor.is_choice:
        choices = ", ".join(
            str(choice.value if isinstance(choice, enum.Enum) else choice)
            for choice in descriptor.choices
        )
        return _("Invalid value for %(name)s: must be one of %(choices)s") % {
            "name": name,
            "choices": choices,
        }
    if param.min is not None and param.max is not None:
        return _("Invalid value for %(name)s: must be between %(min)s and %(max)s") % {
            "name": name,
            "min": language.plain(param.min),
            "max": language.plain(param.max),
        }
    return _("Invalid value for %(name)s") % {"name": name}
