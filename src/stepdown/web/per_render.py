"""What stays the same for the whole of one template render, found once per render.

The remembered tags (``{% url %}``, ``{% static %}``, ``{% translate %}``) key what they keep by
the request's current app, script prefix and URL configuration, and by the active language.
Each is a look-up in Django's per-request locals (``asgiref.local``), which cost more than the
rest of finding a kept result, and a Today page has a hundred such tags. None of them changes
while a template renders, except the language inside ``{% language %}``, whose node (in
``remembered_i18n``) forgets the language on entering and leaving its block.

They are kept in the render's first render-context dict, where Django's ``{% include %}`` keeps
the templates it found for one render: shared by the included templates, gone with the render.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template import Context
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

_WHERE = object()  # keys in the per-render dict
_LANGUAGE = object()


def _current_app(context: Context) -> str | None:
    """As Django's ``{% url %}`` finds it: the request's ``current_app``, else its URL's
    namespace."""
    request = getattr(context, "request", None)
    if hasattr(request, "current_app"):
        return request.current_app  # type: ignore[no-any-return, union-attr]
    match = getattr(request, "resolver_match", None)
    return getattr(match, "namespace", None)


def _per_render(context: Context) -> dict[Any, Any]:
    found: dict[Any, Any] = context.render_context.dicts[0]
    return found


def where(context: Context) -> tuple[str | None, str, str]:
    """The current app, the script prefix and the URL configuration."""
    per_render = _per_render(context)
    found: tuple[str | None, str, str] | None = per_render.get(_WHERE)
    if found is None:
        found = per_render[_WHERE] = (
            _current_app(context),
            get_script_prefix(),
            str(get_urlconf() or settings.ROOT_URLCONF),
        )
    return found


def language(context: Context) -> str | None:
    """The active language."""
    per_render = _per_render(context)
    try:
        found: str | None = per_render[_LANGUAGE]
    except KeyError:
        found = per_render[_LANGUAGE] = get_language()
    return found


def forget_language(context: Context) -> None:
    """The language is about to change (``{% language %}``): find it again when next asked."""
    _per_render(context).pop(_LANGUAGE, None)
