"""Rendered page content cached per person, with per-response values filled in on the way out.

A cached fragment must not carry anything that has to differ between two responses: the CSRF
token (Django masks it afresh for each response) and idempotency keys (one per form, so two doses
logged from the same page are two doses and a retried one is not). Templates render placeholders
for both, and every response, cached or not, gets its own values.

Keys name the person whose page it is, which is also who is looking: a page that someone else
may see (a clinician, later) must put the viewer in its key too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:  # the page cache reads a person's attributes; web sits below accounts
    from stepdown.accounts.models import User

from stepdown.web.cache_keys import revision_key

# Letters and digits only, so escaping leaves them as they are.
CSRF_HOLE = "csrfTokenHole7c1e"
KEY_HOLE = "idempotencyKeyHole7c1e"
TIMEOUT_S = 600


def page_key(owner: User, page: str) -> str:
    """A cache key for ``page``'s content that changes with every write of the person's data,
    their time zone and the local minute (what depends on the clock: time since the last dose,
    check-ins falling due, the date turning), and the language it is worded and formatted in."""
    minute = timezone.localtime(timezone.now(), owner.zone).strftime("%Y-%m-%dT%H:%M")
    language = translation.get_language() or ""
    return revision_key(f"page:{page}", owner, owner.time_zone, language, minute)


def fill_holes(html: str, request: HttpRequest, *, csrf_token: str | None = None) -> SafeString:
    pieces = html.replace(CSRF_HOLE, csrf_token or get_token(request)).split(KEY_HOLE)
    filled = pieces[0] + "".join(str(uuid.uuid4()) + piece for piece in pieces[1:])
    return mark_safe(filled)  # noqa: S308  (rendered by our templates, escaped there)


def render_fragment(
    request: HttpRequest,
    template_name: str,
    context: Callable[[], dict[str, Any]],
    *,
    cache_key: str | None = None,
    csrf_token: str | None = None,
) -> SafeString:
    """Render ``template_name``, reusing the copy cached under ``cache_key`` when there is one.

    The key must change whenever anything the fragment shows changes (the person's
    ``data_revision`` and the local time it depends on); the context is only built on a miss.
    A fragment is drawn without the context processors: what they add is for one response
    (the messages, the CSP nonce), which a cached copy must not hold, and the page's shell runs
    them anyway. It gets the request and the person (a "come back here" link names the page's
    path).
    """
    html = cache.get(cache_key) if cache_key else None
    if html is None:
        known = {"csrf_token": CSRF_HOLE, "request": request, "user": request.user}
        html = render_to_string(template_name, context() | known)
        if cache_key:
            cache.set(cache_key, html, TIMEOUT_S)
    return fill_holes(html, request, csrf_token=csrf_token)


def render_page(
    request: HttpRequest,
    page_template: str,
    content_template: str,
    context: Callable[[], dict[str, Any]],
    *,
    cache_key: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """``content_template`` (cached under ``cache_key`` when given) as ``{{ content }}`` of
    ``page_template``, the page's shell: title, assets and the site's header, rendered per
    request."""
    # One CSRF token for the page: its shell's forms and its content's (each call of
    # get_token masks the secret afresh, which is work and no safer within one response).
    token = get_token(request)
    content = render_fragment(
        request, content_template, context, cache_key=cache_key, csrf_token=token
    )
    return render(request, page_template, {"content": content, "csrf_token": token}, status=status)
