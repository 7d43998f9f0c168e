"""The command line's language, chosen from the environment as command-line tools choose it.

The first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set decides, as for
GNU gettext and Python's ``gettext``: ``LANG=fr_FR.UTF-8`` (or ``LANGUAGE=fr``) is French;
unset, ``C``, ``POSIX``, English or a language Stepdown does not speak is English. ``LANGUAGE``
may list several (``de:fr``): the first one Stepdown speaks wins.

The words come from the web's own catalogue (``locale/fr/LC_MESSAGES/django.mo``, a standard
GNU catalogue) read with the standard library, so the pure commands never load Django and print
the same French sentences as the pages (docs/i18n.md, docs/cli.md).
"""

from __future__ import annotations

import contextlib
import gettext as stdlib_gettext
import os
import sys
from collections.abc import Mapping
from decimal import Decimal

from stepdown.config.catalogue import LOCALE_DIR, compile_catalogues
from stepdown.core import numbers
from stepdown.core.says import (
    Day,
    Grams,
    Percent,
    Says,
    Term,
    Value,
    Words,
    english,
    worded_with,
)

DOMAIN = "django"
ENGLISH = "en"
LANGUAGES = (ENGLISH, "fr")
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_ENGLISH_LOCALES = ("c", "posix")
# The same phrase as the pages' (stepdown/worded.py), for words from a fixed list.

_language = ENGLISH
_translations: stdlib_gettext.NullTranslations = stdlib_gettext.NullTranslations()


def language_from(environ: Mapping[str, str]) -> str:
    """``"fr"`` or ``"en"``: the language the environment asks for."""
    for name in ENVIRONMENT:
        value = environ.get(name)
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
            if code in _ENGLISH_LOCALES:
                return ENGLISH
            if code in LANGUAGES:
                return code
        return ENGLISH
    return ENGLISH


def activate(language: str) -> None:
    """Speak ``language`` from now on, in this process."""
    global _language, _translations
    _language = language if language in LANGUAGES else ENGLISH
    if _language == ENGLISH:
        _translations = stdlib_gettext.NullTranslations()
        return
    # A source checkout after a pull: its catalogue up to date (nothing when it is).
    with contextlib.suppress(OSError):
        compile_catalogues()
    _translations = stdlib_gettext.translation(
        DOMAIN, LOCALE_DIR, languages=[_language], fallback=True
    )


def activate_from_environment() -> str:
    """Speak the language the environment asks for; returns it."""
    activate(language_from(os.environ))
    return _language


def release() -> None:
    """The command is over: Django's language (a data command set it) back to its default, so
    a process that runs several commands (the tests) starts each one afresh."""
    conf = sys.modules.get("django.conf")
    if conf is not None and conf.settings.configured:  # imported is not yet set up
        from django.utils import translation

        translation.deactivate()


def current() -> str:
    """The language being spoken: ``"en"`` or ``"fr"``."""
    return _language


def gettext(message: str) -> str:
    """``message`` in the current language (as it is when the catalogue has no entry)."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message for ``count``, in the current language."""
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, as meant in ``context`` (a short word)."""
    return _translations.pgettext(context, message)


def gettext_noop(message: str) -> str:
    """Marks ``message`` for the catalogue; it is translated where it is shown."""
    return message


def number(value: object, spec: str) -> str:
    """``format(value, spec)`` with the current language's decimal mark: "9,50" in French."""
    return numbers.formatted(value, spec, _language)


def plain(value: object, places: int = 2) -> str:
    """``value`` rounded to ``places`` without trailing zeros, with the language's mark."""
    text = numbers.plain(value, places)
    return str(value) if text is None else numbers.with_mark(text, _language)


def worded(says: Says) -> str:
    """What the core says (``stepdown.core.says``) in the current language: the message through
    the catalogue (its plural by the language's rule), numbers with the language's decimal
    mark; a day stays ISO (2026-12-10), as the command line writes every date. English reads
    exactly as the core's ``Says.text``."""
    if _language == ENGLISH:
        return says.text
    return worded_with(says, gettext=gettext, ngettext=ngettext, value=_value)


def _value(value: Value) -> str:
    if isinstance(value, Words):
        return value.joined_with(gettext)
    if isinstance(value, Term):
        return gettext(value.text)
    if isinstance(value, Day):
        return value.value.isoformat()
    text = english(value)
    if isinstance(value, Decimal | Grams | Percent):
        return numbers.with_mark(text, _language)
    return text
