"""Django's template engine, with numbers printed as they are unless a filter formats them.

Django localises every number a template prints (``{{ dose.amount }}`` is "2,5" in French).
That is right for text a person reads, and wrong for the values the page itself uses: a hidden
``amount`` field, a number input's ``step``, SVG coordinates, which must stay "2.5". Stepdown
formats every number it shows through a filter (``num``, ``floatformat``, ``date``: see
``stepdown.web.formatting``), so here the implicit localisation is off, and a shown number is
localised because it was formatted, never by accident (docs/i18n.md).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template import TemplateDoesNotExist
from django.template.backends import django as django_backend
from django.template.context import make_context
from django.utils.safestring import SafeString


class Template(django_backend.Template):
    def render(
        self, context: dict[str, Any] | None = None, request: HttpRequest | None = None
    ) -> SafeString:
        made = make_context(context, request, autoescape=self.backend.engine.autoescape)
        made.use_l10n = False
        try:
            return self.template.render(made)
        except TemplateDoesNotExist as exc:
            django_backend.reraise(exc, self.backend)
            raise  # not reached: reraise always raises


class DjangoTemplates(django_backend.DjangoTemplates):
    def from_string(self, template_code: str) -> Template:
        return Template(self.engine.from_string(template_code), self)

    def get_template(self, template_name: str) -> Template:
        try:
            return Template(self.engine.get_template(template_name), self)
        except TemplateDoesNotExist as exc:
            django_backend.reraise(exc, self)
            raise
