"""No Learn text, tool text or support resource suggests taking more kratom."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.learn.learn_checks import advises_more, page_text, visible_text

from stepdown.learn.pages import PAGES, TOOL_LINKS
from stepdown.learn.views.tools import URGE_CUES
from stepdown.web.resources import PEER_GROUPS

pytestmark = pytest.mark.django_db


def test_the_checker_catches_advice_to_take_more() -> None:
    assert advises_more("Go slowly. If withdrawal is bad, take a little more kratom.")
    assert advises_more("You could increase your dose for a day.")
    assert advises_more("On a hard day, top up with a small amount.")
    assert advises_more("Try another dose if the first one fades.")


def test_the_checker_lets_descriptions_through() -> None:
    assert (
        advises_more("Higher doses tend to sedate. Many people respond by dosing more often.") == []
    )
    assert advises_more("Cut 10 to 20 % of your current amount at each step.") == []


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_no_page_advises_taking_more(slug: str) -> None:
    assert advises_more(page_text(slug)) == []


def test_tool_and_support_texts_do_not_advise_taking_more() -> None:
    texts = [text for _, text in URGE_CUES] + list(TOOL_LINKS.values())
    texts += [f"{g.name}. {g.what} {g.how_to_find}" for g in PEER_GROUPS]
    assert advises_more(" ".join(texts)) == []


@pytest.mark.parametrize(
    "path",
    ["/learn/", "/learn/support/", "/learn/tools/breathe/", "/learn/tools/urge/"],
)
def test_rendered_pages_do_not_advise_taking_more(web: Client, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 200
    assert advises_more(visible_text(response.content.decode())) == []


def test_pages_stay_short() -> None:
    # "A phone screen or two": roughly 450 words at most (assumption: about 220 words fit one
    # phone screen of body text at Pico's default size).
    for slug in PAGES:
        assert len(page_text(slug).split()) <= 450, slug
