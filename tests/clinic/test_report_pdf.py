"""The report for the record: a PDF with the consented sections only, the person named, the
Part 2 notice on every page, a chart; with a session or a clinician's token; one access event."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pypdf
import pytest
from django.urls import reverse
from tests.clinic.patient_data import COWS_25, history
from tests.mfa_helpers import verified_api, verified_web
from tests.pdf_glyphs import HERB, STAR, drawn, green_bitmaps

from stepdown.audit.models import AccessEvent

pytestmark = pytest.mark.django_db

NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records"
ALL_CLASSES = ("journal", "plan", "checkins", "medicines", "skin", "notes")


def _pages(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _chart_paths(pdf: bytes) -> int:
    """Line-to operators in the page content: the chart's polylines are vector paths."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            count += contents.get_data().count(b" l\n")
    return count


@pytest.fixture
def shared(clinics: Any, share: Callable[..., Any], person: Any) -> Any:
    share(person, clinics.riverside, data_classes=ALL_CLASSES, signature="Samuel Jones")
    history(person, 90)
    verified_api(clinics.kim).post(f"/clinic/patients/{person.pk}/cows", {"answers": COWS_25})
    return person


def test_the_report_names_the_person_and_carries_the_notice_on_every_page(
    clinics: Any, shared: Any
) -> None:
    before = AccessEvent.objects.count()
    response = verified_web(clinics.kim).get(reverse("clinic:patient_report", args=[shared.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    pages = _pages(response.content)
    assert len(pages) >= 2
    for text in pages:
        assert NOTICE in text
        assert "Samuel Jones" in text
    whole = " ".join(pages)
    assert "sam@example.org" in whole
    for section in (
        "Identification",
        "Consent in force",
        "Plan and adherence",
        "Dose chart",
        "Questionnaires",
        "Alerts",
        "Notes",
        "Medicines",
    ):
        assert section in whole, section
    assert "COWS (clinician) 25 Moderately severe" in whole
    # The alert the COWS of 25 raised, in the clinician's words.
    assert "Severe withdrawal (diary or COWS 25 or more)" in whole
    assert _chart_paths(response.content) > 90  # 90 days of dose line alone
    events = list(AccessEvent.objects.order_by("pk"))[before:]
    assert [(e.kind, e.route) for e in events] == [("pdf", "clinic:patient_report")]


def test_the_report_leaves_out_classes_not_named(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal",))
    history(person, 10)
    response = verified_web(clinics.kim).get(reverse("clinic:patient_report", args=[person.pk]))
    whole = " ".join(_pages(response.content))
    assert "Dose chart" in whole
    for absent in ("Plan and adherence", "Questionnaires", "Medicines", "Withdrawal diary"):
        assert absent not in whole


def test_the_report_works_with_a_clinician_token(clinics: Any, shared: Any) -> None:
    api = verified_api(clinics.kim)
    url = reverse("clinic:patient_report", args=[shared.pk])
    response = api.client.get(url, headers=api.headers)
    assert response.status_code == 200
    assert NOTICE in _pages(response.content)[0]
    wrong = api.client.get(url, headers={"Authorization": "Bearer sd_not-a-token"})
    assert wrong.status_code == 401


def test_the_report_is_a_404_without_consent(clinics: Any, shared: Any) -> None:
    response = verified_web(clinics.roe).get(reverse("clinic:patient_report", args=[shared.pk]))
    assert response.status_code == 404


def test_an_emoji_and_a_symbol_in_the_name_print_on_every_page(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    """The signed name heads every page (and the identification): the herb is the emoji
    font's green bitmap each time, the star a real outline, never an empty box."""
    name = f"Sam {HERB} Jones {STAR}"
    share(person, clinics.riverside, data_classes=ALL_CLASSES, signature=name)
    history(person, 90)
    response = verified_web(clinics.kim).get(reverse("clinic:patient_report", args=[person.pk]))
    pages = _pages(response.content)
    assert len(pages) >= 2
    assert all(name in text for text in pages)
    herbs = drawn(response.content, HERB)
    assert {d.font for d in herbs} == {"Noto-Color-Emoji"}
    assert len(herbs) == len(pages)
    assert all(d.gid for d in herbs)
    assert green_bitmaps(response.content) == [1] * len(pages)
    stars = drawn(response.content, STAR)
    assert stars
    assert all(d.outline for d in stars)
    for char in "0123456789":  # the dates: the text font's, never the emoji font's keycaps
        assert {d.font for d in drawn(response.content, char)} <= {
            "DejaVu-Sans",
            "DejaVu-Sans-Bold",
        }


def test_a_name_with_quotes_and_markup_prints_as_written_on_every_page(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    """The page header is a CSS string: an apostrophe, a double quote, a backslash or markup
    in the signed name prints as it is, and cannot end the string or the style (a regression:
    ``escapejs`` printed "O\\u0027Brien" as "Ou0027Brien")."""
    name = 'Siobhán O\'Brien-Smith "Sam" </style> a\\b'
    share(person, clinics.riverside, data_classes=ALL_CLASSES, signature=name)
    history(person, 90)
    response = verified_web(clinics.kim).get(reverse("clinic:patient_report", args=[person.pk]))
    pages = _pages(response.content)
    assert len(pages) >= 2
    for text in pages:
        assert name in text
        assert "u0027" not in text
        assert NOTICE in text
