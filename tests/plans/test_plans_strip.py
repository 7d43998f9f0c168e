"""The 28-day pouch strip: the page, and the PDF read back with pypdf."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader
from tests.pdf_glyphs import HERB, STAR, drawn, green_bitmaps
from tests.plans.plans_helpers import TODAY, make_plan

from stepdown.plans.snapshot import taper_of
from stepdown.plans.strip import build_strip

pytestmark = pytest.mark.django_db


def test_strip_pouches_and_total(person: Any, journal: Any) -> None:
    strip = build_strip(taper_of(make_plan(person)), first=TODAY)
    # 7 days at 12 g (4 pouches of 3 g), 7 at 10.8 g (4 × 2.7 g), 7 at 9.8 g (2.5+2.5+2.4+2.4),
    # 7 at 8.9 g (2.3+2.2+2.2+2.2): 7 × (12 + 10.8 + 9.8 + 8.9) = 7 × 41.5 = 290.5 g
    assert strip.total_g == Decimal("290.5")
    assert strip.pouch_count == 28 * 4
    assert [p.amount_g for p in strip.days[14].pouches] == [
        Decimal(x) for x in ["2.5", "2.5", "2.4", "2.4"]
    ]
    assert strip.days[0].pouches[0].label == "10 Feb · 1"
    assert [d.new_step for d in strip.days].count(True) == 4


def test_strip_after_the_end_has_no_pouches(person: Any, journal: Any) -> None:
    taper = taper_of(make_plan(person))
    strip = build_strip(taper, first=taper.steps[-1].start_date)
    # The last step (0.4 g) has 7 days; the 21 days after it need nothing.
    assert strip.total_g == Decimal("2.8")
    assert all(not day.pouches for day in strip.days[7:])


def test_capsule_counts_when_the_plan_is_in_capsules(person: Any, clock: Any) -> None:
    from stepdown.journal.services import product_create

    caps = product_create(
        owner=person, name="Caps", form="capsules", capsule_weight_g=Decimal("0.5")
    )
    plan = make_plan(
        person,
        product_id=caps.pk,
        start_g=Decimal(6),
        resolution_g=Decimal("0.5"),
        doses_per_day=3,
    )
    strip = build_strip(taper_of(plan), first=TODAY, capsule_g=caps.capsule_weight_g)
    # 6 g in 3 doses of 2 g = 4 capsules of 0.5 g each
    assert [p.capsules for p in strip.days[0].pouches] == [4, 4, 4]


def test_strip_page(web: Client, person: Any, journal: Any) -> None:
    plan = make_plan(person, product_id=journal.pk)
    page = re.sub(r"\s+", " ", web.get(f"/plan/{plan.pk}/strip/").content.decode())
    assert 'data-testid="strip-total">290.5 g<' in page
    assert page.count('<th scope="row">') == 28
    assert "Mon 10 Feb" in page
    assert "Sun 9 Mar" in page
    assert "10 Feb · 4</span> <strong>3 g</strong>" in page
    assert "Pouch 4" in page


def test_strip_pdf_is_a_real_pdf_with_the_dates_and_amounts(
    web: Client, person: Any, journal: Any
) -> None:
    plan = make_plan(person, product_id=journal.pk)
    response = web.get(f"/plan/{plan.pk}/strip.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert len(pages) == 1
    text = "\n".join(page.extract_text() for page in pages)
    assert "Mon 10 Feb" in text
    assert "Sun 9 Mar" in text
    assert "290.5 g" in text
    assert "Green Maeng Da" in text
    assert "2.7 g" in text
    assert "10.8 g" in text
    assert "Page 1 of 1" in text


def test_strip_from_a_later_day(web: Client, person: Any, journal: Any) -> None:
    plan = make_plan(person)
    page = web.get(f"/plan/{plan.pk}/strip/?from=2025-03-10").content.decode()
    assert "Mon 10 Mar" in page
    assert "Earlier days" in page
    # A date outside the plan falls back to today.
    assert "Mon 10 Feb" in web.get(f"/plan/{plan.pk}/strip/?from=1999-01-01").content.decode()


def test_an_emoji_and_a_symbol_in_the_product_name_print(
    web: Client, person: Any, clock: Any
) -> None:
    """The herb comes from the emoji font as its green bitmap, the star as a real outline:
    without a font that has them they would print as empty boxes."""
    from stepdown.journal.services import product_create

    name = f"Red {HERB} Bali {STAR}"
    product = product_create(owner=person, name=name)
    plan = make_plan(person, product_id=product.pk)
    pdf = web.get(f"/plan/{plan.pk}/strip.pdf").content
    assert name in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert [d.font for d in drawn(pdf, HERB)] == ["Noto-Color-Emoji-Bold"]
    assert drawn(pdf, HERB)[0].gid != 0
    assert green_bitmaps(pdf) == [1]
    assert [(d.font, d.outline) for d in drawn(pdf, STAR)] == [("DejaVu-Sans-Bold", True)]
    # Digits and points stay in the text font (the emoji font has them too, as keycaps).
    for char in "0123456789.,":
        assert {d.font.split("-Bold")[0] for d in drawn(pdf, char)} == {"DejaVu-Sans"}, char
