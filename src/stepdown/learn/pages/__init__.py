"""Learn pages as data: one registry, in reading order.

Adding a page: write a ``LearnPage`` in the topic module that fits (``basics``, ``stopping``,
``safety``, ``care``), add it to that module's ``PAGES``, cite only IDs listed in
``docs/clinical-sources.md``, and run ``tests/learn`` (see ``docs/learn.md``).
"""

from __future__ import annotations

from types import MappingProxyType

from django.utils.translation import gettext_noop

from stepdown.errors import NotFound
from stepdown.learn.pages import basics, care, safety, stopping
from stepdown.learn.pages.model import LearnPage, Section

# Stepdown pages a Learn page may point to, with the label shown.
TOOL_LINKS = MappingProxyType(
    {
        "learn:urge": gettext_noop("Urge timer"),
        "learn:breathe": gettext_noop("Guided breathing"),
        "learn:support": gettext_noop("Support: groups, helplines and your own people"),
        "web:help": gettext_noop("Get help now"),
    }
)

# Slugs that would collide with fixed routes under /learn/.
RESERVED_SLUGS = frozenset({"support", "tools", "sources"})

PAGES: MappingProxyType[str, LearnPage] = MappingProxyType(
    {str(page.slug): page for page in (*basics.PAGES, *stopping.PAGES, *safety.PAGES, *care.PAGES)}
)

# The index shows the pages in these groups, in this order. Headings, like the pages' words, are
# English here and translated where they are shown.
GROUPS: tuple[tuple[str, tuple[LearnPage, ...]], ...] = (
    (gettext_noop("Understanding kratom"), basics.PAGES),
    (gettext_noop("Cutting down and stopping"), stopping.PAGES),
    (gettext_noop("Staying safe"), safety.PAGES),
    (gettext_noop("Getting professional help"), care.PAGES),
)


def page_get(slug: str) -> LearnPage:
    try:
        return PAGES[slug]
    except KeyError:
        raise NotFound("learn page") from None


__all__ = ["GROUPS", "PAGES", "RESERVED_SLUGS", "TOOL_LINKS", "LearnPage", "Section", "page_get"]
