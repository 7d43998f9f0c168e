"""The sources page and the clinician page: the list on the page is the table in
docs/clinical-sources.md, source IDs elsewhere link to it with their reference, and "Find
professional help" leads to a page about finding a clinician."""

from __future__ import annotations

import re
from collections import Counter
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


# -- in French -----------------------------------------------------------------------------------


def _digit_runs(text: str) -> Counter[str]:
    """Every number and identifier's digits ("15,256" and "15 256" both give 15 and 256)."""
    return Counter(re.findall(r"\d+", text))


def test_every_source_has_french_for_what_it_is_used_for() -> None:
    """A new row in docs/clinical-sources.md without French fails here."""
    from stepdown.learn.sources_french import REFERENCES, USES

    assert set(USES) == set(sources())
    assert set(REFERENCES) <= set(sources())
    for source_id, french in REFERENCES.items():
        assert french != sources()[source_id].reference, f"{source_id}: nothing to translate"


def test_every_number_and_identifier_survives_in_the_french() -> None:
    from stepdown.learn.sources_french import REFERENCES, USES

    for source in sources().values():
        for english, french in (
            (source.used_for, USES[source.id]),
            (source.reference, REFERENCES.get(source.id, source.reference)),
        ):
            lost = _digit_runs(english) - _digit_runs(french)
            assert not lost, (source.id, lost)
        if source.direct:  # the French reference still leads to the same DOI, PMC or page
            assert link_for(REFERENCES.get(source.id, source.reference)) == source.url, source.id


def test_the_sources_page_in_french_keeps_titles_and_words_the_rest_in_french(
    client: Client,
) -> None:
    from tests.i18n.french import FRENCH, assert_french, visible

    from stepdown.learn.sources_french import REFERENCES, USES

    page = client.get("/learn/sources/", **FRENCH)
    text = visible(page)
    assert 'href="https://doi.org/10.9740/mhc.2023.06.155"' in page.content.decode()  # links kept
    for phrase in (
        # What a source is used for, in French; the title as published.
        "Interaction avec la quétiapine (cas mortel)",
        "Hughes RL. Fatal combination of mitragynine and quetiapine.",
        # Stepdown's own note in a reference, in French.
        "doi 10.3390/molecules29050984 (financé par l’industrie)",
    ):
        assert phrase in text, phrase
    # The rest of the page holds no English sentence of the catalogue; the references are left
    # out of that check, as a title is in its own language ("Who is most at risk", "heavy
    # metals"), and are checked one by one below.
    page.content = re.sub(r"<dd><p>.*?</p>", "<dd>", page.content.decode(), flags=re.S)
    assert_french(page, "Sources", "Utilisée pour :")
    for source in sources().values():
        if USES[source.id] != source.used_for:
            assert f"Utilisée pour : {USES[source.id]}" in text, source.id
            assert f": {source.used_for}" not in text, source.id
        assert REFERENCES.get(source.id, source.reference) in text, source.id
    assert "(industry-funded)" not in text
    assert "wording needs a human check" not in text


def test_the_sources_page_in_english_is_unchanged(client: Client) -> None:
    text = client.get("/learn/sources/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Quetiapine interaction (fatal case)" in text
    assert "(industry-funded)" in text
    assert "Interaction avec la quétiapine" not in text


def test_a_pages_source_list_shows_the_notes_in_french() -> None:
    from django.utils import translation

    from stepdown.learn.templatetags.learn import source_list

    with translation.override("fr"):
        ((source_id, source),) = source_list(["Huestis2024"])["items"]
    assert source_id == "Huestis2024"
    assert source.reference.endswith("doi 10.3390/molecules29050984 (financé par l’industrie)")
    assert source.url == "https://doi.org/10.3390/molecules29050984"
