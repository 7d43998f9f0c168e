"""The journal page: every dose, newest first, fifty to a page, times in the person's zone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from stepdown.journal.models import Dose
from stepdown.journal.services import dose_create, product_create

pytestmark = pytest.mark.django_db


def _row(body: str, text: str) -> str:
    """The table row holding ``text``."""
    start = body.rindex("<tr>", 0, body.index(text))
    return body[start : body.index("</tr>", start)]


def test_a_capsule_dose_shows_its_grams_lab_mitragynine_and_local_time(
    web: Client, person: Any
) -> None:
    capsules = product_create(
        owner=person,
        name="Caps <b>Gold</b>",
        form="capsules",
        capsule_weight_g=Decimal("0.5"),
        mitragynine_mg_per_unit=Decimal("15"),
    )
    # 02:30 UTC on 1 March is 20:30 on 28 February in Chicago (UTC−6).
    taken = dt.datetime(2026, 3, 1, 2, 30, tzinfo=dt.UTC)
    dose_create(
        owner=person,
        amount=Decimal(5),
        unit="capsule",
        product_id=capsules.pk,
        taken_at=taken,
        purpose="energy",
    )
    row = _row(web.get("/doses/").content.decode(), "5 capsules")
    assert '<time datetime="2026-02-28T20:30:00-06:00">Sat 28 Feb, 20:30</time>' in row
    assert "5 capsules (2.5 g)" in row  # 5 × 0.5 g
    assert "Caps &lt;b&gt;Gold&lt;/b&gt;" in row  # escaped, never markup
    assert "<td>38 mg</td>" in row  # 2.5 g × 15 mg/g = 37.5, rounded half up
    assert "Energy" in row
    dose = Dose.objects.get(owner=person)
    assert f'href="/doses/{dose.pk}/edit/"' in row


def test_leaf_without_a_lab_value_is_marked_as_an_estimate(web: Client, person: Any) -> None:
    leaf = product_create(owner=person, name="Plain leaf", form="leaf_powder")
    at = dt.datetime(2026, 3, 1, 15, tzinfo=dt.UTC)
    dose_create(owner=person, amount=Decimal(2), product_id=leaf.pk, taken_at=at)
    dose_create(owner=person, amount=Decimal("2.5"), taken_at=at + dt.timedelta(hours=1))
    body = web.get("/doses/").content.decode()
    # 2 g × the 16 mg/g default for leaf without a certificate (docs/clinical-sources.md).
    assert "<td>≈ 32 mg</td>" in _row(body, "Plain leaf")
    # No product at all: no estimate and no product name.
    assert _row(body, "2.5 g").count("<td>—</td>") == 3  # product, mitragynine, purpose


def _cold_queries(client: Client) -> tuple[int, str]:
    from django.core.cache import cache

    cache.clear()  # measure a render, not the cached copy
    with CaptureQueriesContext(connection) as captured:
        body = client.get("/doses/").content.decode()
    return len(captured), body


def test_the_page_costs_the_same_queries_for_fifty_rows_as_for_one(
    web: Client, person: Any
) -> None:
    from stepdown.accounts.services import data_changed

    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    product = product_create(owner=person, name="Red Bali", form="leaf_powder")
    dose_create(owner=person, amount=Decimal(1), product_id=product.pk, taken_at=start)
    web.get("/doses/")  # the first view of a session does its own one-off work
    one, _ = _cold_queries(web)
    Dose.objects.bulk_create(
        Dose(
            owner=person,
            product=product,
            amount=1,
            grams=1,
            taken_at=start + dt.timedelta(hours=i + 1),
        )
        for i in range(120)
    )
    data_changed(owner=person)  # bulk_create sends no signal (see accounts/revisions.py)
    many, body = _cold_queries(web)
    assert body.count('/edit/">Edit</a>') == 50
    assert "Page 1 of 3" in body
    assert many == one
    older = web.get("/doses/?page=3").content.decode()
    assert older.count('/edit/">Edit</a>') == 21
    assert "Page 3 of 3" in older


def test_a_new_dose_shows_at_once(web: Client, person: Any) -> None:
    assert "Nothing logged yet." in web.get("/doses/").content.decode()
    dose_create(owner=person, amount=Decimal("1.5"))
    assert "1.5 g" in web.get("/doses/").content.decode()
