"""The Learn index and one page per topic; open to everyone, signed in or not."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from stepdown.core.rules.learn import LearnSlug
from stepdown.errors import NotFound
from stepdown.learn.pages import GROUPS, PAGES, TOOL_LINKS, page_get
from stepdown.learn.sources import sources as all_sources


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    groups = [(_(heading), [page.in_language() for page in pages]) for heading, pages in GROUPS]
    return render(request, "learn/index.html", {"groups": groups})


@require_GET
def page(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        topic = page_get(slug)
    except NotFound:
        raise Http404 from None
    context = {
        "page": topic.in_language(),
        "related": [PAGES[str(s)].in_language() for s in topic.related],
        "tools": [(name, _(TOOL_LINKS[name])) for name in topic.tools],
        "seek_help": PAGES[LearnSlug.SEEK_HELP_NOW.value].in_language(),
    }
    return render(request, "learn/page.html", context)


@require_GET
def sources(request: HttpRequest) -> HttpResponse:
    """Every clinical source, as listed in docs/clinical-sources.md."""
    language = get_language()
    shown = [source.in_language(language) for source in all_sources().values()]
    return render(request, "learn/sources.html", {"sources": shown})
