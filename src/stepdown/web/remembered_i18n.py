"""Django's ``i18n`` template library, with ``{% translate "…" %}`` remembering its result.

A page shell has 35 fixed phrases and Today's content 31 more, and each ``{% translate %}`` went
through about eight calls (the active translation looked up in a context-local, the catalogue,
the fallback, escaping) to find the same words again: about a tenth of a signed-in page's render
(docs/performance.md). A fixed phrase, with a fixed context if any and no filter, translates to
the same text for as long as the language and its catalogue are the same, so the result is kept
per language; a test that changes the languages or the catalogues clears it. Every other use
(a variable, a filter, ``noop``) is Django's tag as it is. ``{% blocktranslate %}`` keeps the
message ids it writes from its text (below); ``{% language %}`` tells a render that its block
speaks another language (``web.per_render``); every other tag here is Django's.

Installed under the name ``i18n`` in ``TEMPLATES`` (config/settings.py), so ``{% load i18n %}``
loads it.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template import Context
from django.templatetags import i18n as django_i18n

from stepdown.web import per_render
from stepdown.web.kept import Kept

register = template.Library()
register.tags.update(django_i18n.register.tags)
register.filters.update(django_i18n.register.filters)

# (language, phrase, context, autoescape) -> the rendered phrase
_phrases: Kept[tuple[Any, ...], str] = Kept(
    depends_on={"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}
)


def _fixed(expression: Any) -> str | None:
    """The text of a quoted literal without filters, else ``None`` (a variable, a filter)."""
    if expression is None or expression.filters:
        return None
    if not expression.is_var:  # a constant the parser has already resolved
        return expression.var if isinstance(expression.var, str) else None
    literal = getattr(expression.var, "literal", None)
    return literal if isinstance(literal, str) else None


class RememberedTranslateNode(django_i18n.TranslateNode):
    def __init__(self, node: django_i18n.TranslateNode) -> None:
        super().__init__(node.filter_expression, node.noop, node.asvar, node.message_context)
        phrase = _fixed(self.filter_expression)
        context = _fixed(self.message_context)
        fixed_context = self.message_context is None or context is not None
        self._fixed = (phrase, context) if phrase and fixed_context and not self.noop else None

    def render(self, context: Context) -> str:
        if self._fixed is None:
            return super().render(context)
        key = (per_render.language(context), *self._fixed, context.autoescape)
        value = _phrases.get(key)
        if value is None:
            # Django's tag, once: with ``as`` it sets the variable and writes nothing.
            written = super().render(context)
            value = _phrases.keep(key, context[self.asvar] if self.asvar else written)
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value


class RememberedBlockTranslateNode(django_i18n.BlockTranslateNode):
    """``{% blocktranslate %}`` writing its message ids (the text with ``%(name)s`` for each
    variable, trimmed) once instead of on every render; the translation and the values are
    looked up each time, as in Django."""

    def __init__(self, node: django_i18n.BlockTranslateNode) -> None:
        super().__init__(
            node.extra_context,
            node.singular,
            node.plural,
            node.countervar,
            node.counter,
            node.message_context,
            node.trimmed,
            node.asvar,
            node.tag_name,  # type: ignore[attr-defined]  # not in the stubs
        )
        self._written: dict[int, tuple[str, list[str]]] = {}

    def render_token_list(self, tokens: Any) -> tuple[str, list[str]]:
        written = self._written.get(id(tokens))  # the singular's or the plural's tokens
        if written is None:
            written = self._written[id(tokens)] = super().render_token_list(tokens)
        message, names = written
        return message, list(names)  # render() adds the plural's names to the singular's


class LanguageNode(django_i18n.LanguageNode):
    """``{% language %}``: the block's tags find its language, and those after it the one
    before (what a render keeps of the active language: ``web.per_render``)."""

    def render(self, context: Context) -> str:
        per_render.forget_language(context)
        try:
            return str(super().render(context))
        finally:
            per_render.forget_language(context)


def _language(parser: Any, token: Any) -> LanguageNode:
    node = django_i18n.language(parser, token)
    return LanguageNode(node.nodelist, node.language)


def _translate(parser: Any, token: Any) -> RememberedTranslateNode:
    return RememberedTranslateNode(django_i18n.do_translate(parser, token))


def _block_translate(parser: Any, token: Any) -> RememberedBlockTranslateNode:
    return RememberedBlockTranslateNode(django_i18n.do_block_translate(parser, token))


register.tag("translate", _translate)
register.tag("trans", _translate)
register.tag("blocktranslate", _block_translate)
register.tag("blocktrans", _block_translate)
register.tag("language", _language)
