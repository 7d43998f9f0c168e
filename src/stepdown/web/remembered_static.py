"""Django's ``static`` template library, with ``{% static %}`` remembering each file's URL.

A signed-in page links nine static files from its shell and Today five more, and each
``{% static %}`` asked the storage for the URL again (a manifest look-up, quoting, joining with
``STATIC_URL``): together more than a whole ``{% include %}``. A file's URL depends on its path,
the storage and ``STATIC_URL`` (which takes the script prefix when it is relative), so it is
kept per path and script prefix, and a test that changes the static settings clears it. A path
the storage refuses (a file missing from the manifest) raises every time, as in Django.

Installed under the name ``static`` in ``TEMPLATES`` (config/settings.py), so
``{% load static %}`` loads it.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template import Context
from django.templatetags import static as django_static
from django.utils.safestring import SafeString, mark_safe

from stepdown.web import per_render
from stepdown.web.html import escaped
from stepdown.web.kept import Kept

register = template.Library()
register.tags.update(django_static.register.tags)
register.filters.update(django_static.register.filters)

KEPT_URLS = 1024  # the site has a few dozen files; a path from a variable could add up
# (path, script prefix) -> (URL, escaped URL)
_urls: Kept[tuple[str, str], tuple[str, SafeString]] = Kept(
    depends_on={"STATIC_URL", "STATIC_ROOT", "STATICFILES_DIRS", "STORAGES", "INSTALLED_APPS"},
    limit=KEPT_URLS,
)


class RememberedStaticNode(django_static.StaticNode):
    def render(self, context: Context) -> str:
        # Django's StaticNode.render (which stores the escaped URL in a variable too), with the
        # escaped URL kept beside the URL.
        url, escaped_url = self._kept(context)
        shown = escaped_url if context.autoescape else url
        if self.varname is None:
            return shown
        context[self.varname] = shown
        return ""

    def _kept(self, context: Context) -> tuple[str, SafeString]:
        path = self.path.resolve(context)
        key = (path, per_render.where(context)[1])  # the script prefix
        found = _urls.get(key)
        if found is None:
            url = self.handle_simple(path)
            found = _urls.keep(key, (url, mark_safe(escaped(url))))  # noqa: S308 (escaped)
        return found


@register.tag("static")
def do_static(parser: Any, token: Any) -> RememberedStaticNode:
    node = django_static.StaticNode.handle_token(parser, token)
    return RememberedStaticNode(node.varname, node.path)
