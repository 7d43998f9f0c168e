"""Every Learn page exists for the slugs other apps link to, renders, cites listed sources, and
leads to the when-to-seek-help page."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from tests.learn.learn_checks import source_ids

from stepdown.core.rules import LEARN_SLUGS
from stepdown.errors import NotFound
from stepdown.learn.pages import GROUPS, PAGES, RESERVED_SLUGS, TOOL_LINKS, page_get

pytestmark = pytest.mark.django_db

ALL = sorted(PAGES)


def test_every_slug_that_rules_link_to_has_a_page() -> None:
    assert set(PAGES) >= LEARN_SLUGS, LEARN_SLUGS - set(PAGES)


def test_there_are_at_least_twelve_pages_and_the_groups_hold_each_once() -> None:
    grouped = [page.slug for _, pages in GROUPS for page in pages]
    assert len(PAGES) >= 12
    assert sorted(grouped) == ALL  # no page missing from the index, none listed twice


def test_no_slug_collides_with_a_fixed_route() -> None:
    assert not RESERVED_SLUGS & set(PAGES)
    # /learn/support/ is the Support page, not a topic page.
    assert reverse("learn:support") == "/learn/support/"


@pytest.mark.parametrize("slug", ALL)
def test_each_page_cites_sources_that_are_listed(slug: str) -> None:
    page = PAGES[slug]
    assert page.sources, slug
    assert set(page.sources) <= source_ids(), set(page.sources) - source_ids()
    assert page.evidence.strip()


@pytest.mark.parametrize("slug", ALL)
def test_related_pages_and_tools_exist(slug: str) -> None:
    page = PAGES[slug]
    assert all(str(other) in PAGES and str(other) != slug for other in page.related)
    for name in page.tools:
        assert name in TOOL_LINKS
        reverse(name)  # raises NoReverseMatch if the tool's URL is gone


@pytest.mark.parametrize("slug", ALL)
def test_each_page_renders_with_its_sources_and_the_seek_help_link(
    client: Client, slug: str
) -> None:
    response = client.get(f"/learn/{slug}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{PAGES[slug].title}</h1>" in body
    sources = re.search(r'data-testid="sources">(.*?)</p>', body, re.S)
    assert sources is not None
    shown = set(re.findall(r'<span class="source-id">([^<]+)</span>', sources.group(1)))
    assert shown == set(PAGES[slug].sources)
    assert 'href="/help/"' in body
    assert "Get help now" in body
    footer = body.split("<footer>", 1)[1].split("</footer>", 1)[0]
    if slug == "when-to-seek-help":
        assert 'href="/help/"' in footer
    else:
        assert 'href="/learn/when-to-seek-help/"' in footer


def test_index_links_every_page_and_the_tools(client: Client) -> None:
    body = client.get("/learn/").content.decode()
    for slug in ALL:
        assert f'href="/learn/{slug}/"' in body
    for path in ("/learn/support/", "/learn/tools/urge/", "/learn/tools/breathe/"):
        assert f'href="{path}"' in body


def test_unknown_page_is_a_404(client: Client) -> None:
    assert client.get("/learn/no-such-topic/").status_code == 404
    with pytest.raises(NotFound):
        page_get("no-such-topic")


def test_pages_are_open_to_visitors_and_the_nav_links_learn(client: Client, web: Client) -> None:
    visitor = client.get("/learn/withdrawal/").content.decode()
    assert '<a href="/learn/" aria-current="page">Learn</a>' in visitor
    member = web.get("/learn/withdrawal/").content.decode()
    assert '<a href="/learn/" aria-current="page">Learn and support</a>' in member
    assert '<a href="/learn/">Learn</a>' in client.get("/help/").content.decode()


def test_help_page_keeps_its_crisis_content_and_links_support_and_learn(client: Client) -> None:
    body = client.get("/help/").content.decode()
    for text in ("988", "1-800-662-4357", "13 11 14", "Call your local emergency number now"):
        assert text in body
    more = body.split("More support", 1)[1]
    assert 'href="/learn/support/"' in more
    assert 'href="/learn/"' in more


def test_a_learn_page_costs_no_queries_for_a_visitor(
    client: Client, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(0):  # type: ignore[operator]
        assert client.get("/learn/tapering/").status_code == 200


def test_docs_list_every_page_with_its_sources() -> None:
    from tests.learn.learn_checks import ROOT

    rows = {}
    for line in (ROOT / "docs" / "learn.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 3:
            rows[cells[0].strip("`")] = [s.strip() for s in cells[2].split(",")]
    assert rows == {slug: list(page.sources) for slug, page in PAGES.items()}
