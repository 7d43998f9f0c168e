"""``{% url %}`` as Django writes it, remembering the paths it has found.

The page shell links 22 pages and Today's content 10 more, and Django's ``reverse`` costs about
15 µs each time (the namespace walk, the pattern's candidates, quoting), so a plain signed-in page
spent a tenth of its render finding the same paths again (docs/performance.md). A path depends
only on the view, its arguments, the URL configuration, the script prefix and the current app,
which are all in the key; a test that swaps the URL configuration clears what was kept, and so
does reaching ``KEPT_PATHS`` (links that carry ids would otherwise add up).

Installed as a builtin in ``TEMPLATES`` (config/settings.py), so it replaces Django's ``url`` in
every template without a ``{% load %}``.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from stepdown.web.html import escaped

register = template.Library()

# (view name, arguments, current app, script prefix, URL configuration) -> (path, escaped path)
_paths: dict[tuple[Any, ...], tuple[str, str]] = {}
KEPT_PATHS = 4096  # a page links a few dozen; ids in links make the rest


def _current_app(context: Context) -> str | None:
    """As Django's tag finds it: the request's ``current_app``, else its URL's namespace."""
    request = getattr(context, "request", None)
    if hasattr(request, "current_app"):
        return request.current_app  # type: ignore[no-any-return, union-attr]
    match = getattr(request, "resolver_match", None)
    return getattr(match, "namespace", None)


class RememberedURLNode(URLNode):
    def render(self, context: Context) -> str:
        view_name = self.view_name.resolve(context)
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple((name, value.resolve(context)) for name, value in self.kwargs.items())
        current_app = _current_app(context)
        key = (
            view_name,
            args,
            kwargs,
            current_app,
            get_script_prefix(),
            str(get_urlconf() or settings.ROOT_URLCONF),
        )
        try:
            kept = _paths.get(key)
        except TypeError:  # an argument that cannot be a key: reversed every time
            return str(super().render(context))
        if kept is None:
            try:
                path = reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)
            except NoReverseMatch:
                if self.asvar is None:
                    raise
                # As Django's tag: ``as`` leaves the variable empty. Not kept: the same name
                # without ``as`` must still be refused.
                context[self.asvar] = ""
                return ""
            if len(_paths) >= KEPT_PATHS:
                _paths.clear()
            kept = _paths[key] = (path, escaped(path))
        if self.asvar:
            context[self.asvar] = kept[0]
            return ""
        return kept[1] if context.autoescape else kept[0]


@register.tag
def url(parser: Any, token: Any) -> RememberedURLNode:
    node = django_url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)


@receiver(setting_changed)
def _forget_on_urlconf_change(*, setting: str, **_kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":
        _paths.clear()
