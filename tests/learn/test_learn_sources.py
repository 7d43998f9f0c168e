"""The sources page and the clinician page: the list on the page is the table in
docs/clinical-sources.md, source IDs elsewhere link to it with their reference, and "Find
professional help" leads to a page about finding a clinician."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from stepdown.goals.wording import NEXT_STEPS
from stepdown.learn.sources import SOURCES_FILE, link_for, sources
from stepdown.profile import services

pytestmark = pytest.mark.django_db


def _doc_ids() -> list[str]:
    # Read independently of the parser: the first cell of every table row but the header.
    ids = []
    for line in SOURCES_FILE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| ([^|]+?) \|", line)
        if match and match.group(1) not in ("ID", "---"):
            ids.append(match.group(1))
    return ids


def test_the_sources_page_lists_exactly_the_documented_sources_in_order(client: Client) -> None:
    ids = _doc_ids()
    assert len(ids) > 90
    assert list(sources()) == ids
    body = client.get("/learn/sources/").content.decode()
    assert re.findall(r'<dt id="([^"]+)">', body) == ids
    assert "Jarka C, Gregoire K. Precipitated withdrawal with kratom use" in body
    assert 'href="https://doi.org/10.9740/mhc.2023.06.155"' in body


@pytest.mark.parametrize(
    ("reference", "url"),
    [
        (
            "X. *J* 2020. doi 10.1080/00498254.2018.1552819 | y",
            "https://doi.org/10.1080/00498254.2018.1552819",
        ),
        (
            "Garcia-Romeu A et al. 2020;208:107849. PMC7423016",
            "https://pmc.ncbi.nlm.nih.gov/articles/PMC7423016/",
        ),
        ("Kang 2025, preprint arXiv:2512.21988: colour", "https://arxiv.org/abs/2512.21988"),
        (
            "SAMHSA National Helpline, samhsa.gov/find-help/national-helpline",
            "https://samhsa.gov/find-help/national-helpline",
        ),
    ],
)
def test_a_reference_links_to_its_doi_pmc_arxiv_or_site(reference: str, url: str) -> None:
    assert link_for(reference) == url


def test_a_reference_without_an_identifier_links_to_a_literature_search() -> None:
    assert link_for("Corkery JM et al. Deaths. J Psychopharmacol 2019").startswith(
        "https://pubmed.ncbi.nlm.nih.gov/?term=Corkery+JM"
    )


def test_interaction_sources_show_the_reference_and_link_to_the_sources_page(
    web: Client, person: Any
) -> None:
    services.medicines_set(owner=person, names=["gabapentin"])
    body = web.get("/substances/medicines/").content.decode()
    assert 'href="/learn/sources/#FDA2019Gabapentinoids"' in body
    assert "US FDA Drug Safety Communication: serious breathing problems" in body
    assert "NOT FOUND" not in body


def test_the_risk_page_explains_its_source_keys_the_same_way(web: Client, person: Any) -> None:
    from stepdown.profile import services as goals

    goals.onboarding_replace(
        owner=person,
        answers={"reason": "cut_down", "days_per_week": 7, "doses_per_day": 6, "grams_per_dose": 5},
        medicines=[],
    )
    body = web.get("/risk/").content.decode()
    ids = set(re.findall(r'href="/learn/sources/#([A-Za-z0-9_]+)"', body))
    assert ids
    assert ids <= set(sources())


def test_find_professional_help_goes_to_the_clinician_page(client: Client) -> None:
    suggestion = NEXT_STEPS["see_professional"]
    assert suggestion.url == "/learn/finding-a-clinician/"
    body = client.get(suggestion.url).content.decode()
    assert "<h1>Finding a clinician</h1>" in body
    assert "Questions to bring" in body
    assert "How to ask" in body
    assert "addiction medicine" in body
