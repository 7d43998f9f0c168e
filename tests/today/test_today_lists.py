"""Today's list of the day's doses and its one-tap buttons, written in Python
(``journal.rows.today_items_html``, ``today.buttons``): what a person reads, escaped, in both
languages, through the page itself."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.test import Client

from stepdown.goals.models import Goal
from stepdown.journal.models import Dose, Product

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 1, 20, 18, 0, tzinfo=dt.UTC)  # noon in Chicago, where Sam lives


def _items(page: str) -> list[str]:
    found = re.search(r'<ul class="dose-list">(.*?)</ul>', page, re.S)
    assert found is not None
    return re.findall(r"<li>(.*?)</li>", found.group(1), re.S)


def _words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def day(person: Any) -> dict[str, Any]:
    """Three doses of Sam's morning: an estimated one of a product whose name holds markup, one
    from a lab value, and one with neither product nor alkaloid figure (nor known grams)."""
    odd = Product.objects.create(owner=person, name="<b>Red</b> & Co")
    morning = NOON.replace(hour=14)  # 08:00 in Chicago
    return {
        "odd": odd,
        "doses": [
            Dose.objects.create(
                owner=person, product=odd, amount=Decimal("2.5"), grams=Decimal("2.5"),
                taken_at=morning,
                mitragynine_mg=Decimal("34.5"), mitragynine_estimated=True,
            ),
            Dose.objects.create(
                owner=person, amount=Decimal("1.25"), grams=Decimal("1.25"),
                taken_at=morning.replace(hour=15, minute=5),
                mitragynine_mg=Decimal("20.4"),
            ),
            Dose.objects.create(
                owner=person, amount=Decimal("3"), unit=Dose.Unit.CAPSULE,
                taken_at=morning.replace(hour=16, minute=30),
            ),
        ],
    }  # fmt: skip


@time_machine.travel(NOON, tick=False)
def test_the_days_doses_newest_first_with_time_amount_product_and_estimate(
    web: Client, day: dict[str, Any]
) -> None:
    first, _, third = day["doses"]
    items = _items(web.get("/today/").content.decode())
    assert [_words(item) for item in items] == [
        "10:30 3 capsules edit",
        "09:05 1.25 g 20 mg mitragynine edit",
        # 34.5 rounds half up to 35; "≈" marks an estimate from a typical leaf value
        "08:00 2.5 g &lt;b&gt;Red&lt;/b&gt; &amp; Co ≈ 35 mg mitragynine edit",
    ]
    assert f'href="/doses/{third.pk}/edit/"' in items[0]
    assert f'href="/doses/{first.pk}/edit/"' in items[2]
    assert '<time datetime="2026-01-20T08:00:00-06:00">08:00</time>' in items[2]
    assert "<b>" not in items[2]  # the name's markup is text


@time_machine.travel(NOON, tick=False)
def test_the_list_in_french(web: Client, day: dict[str, Any], person: Any) -> None:
    person.language = "fr"
    person.save()
    items = _items(web.get("/today/").content.decode())
    assert _words(items[1]) == "09:05 1,25 g 20 mg de mitragynine modifier"
    assert _words(items[0]).startswith("10:30 3 gélules")


@time_machine.travel(NOON, tick=False)
def test_one_tap_buttons_repeat_recent_doses_and_warn_past_a_limit(
    web: Client, day: dict[str, Any], person: Any
) -> None:
    # 3.75 g logged today (2.5 + 1.25; the capsules' weight is unknown) against a limit of 5 g
    # a day: another 2.5 g of Red would pass it (6.25), another 1.25 g would not (exactly 5).
    Goal.objects.create(owner=person, max_g_per_day=Decimal(5), limits_from=NOON.date())
    page = web.get("/today/").content.decode()
    forms = re.findall(r'<form method="post" action="/doses/quick/".*?</form>', page, re.S)
    assert [_words(re.search(r"<button.*?</button>", f, re.S).group(0)) for f in forms] == [
        "3 caps",
        "1.25 g",
        "2.5 g &lt;b&gt;Red&lt;/b&gt; &amp; Co",
    ]
    red = forms[2]
    assert f'name="product" value="{day["odd"].pk}"' in red
    assert 'name="amount" value="2.5"' in red
    assert 'name="product" value=""' in forms[1]
    assert 'class="quick quick-over"' in red
    note = re.search(r'<small class="quick-note" id="(quick-note-3)"[^>]*>(.*?)</small>', red)
    assert note is not None
    assert f'aria-describedby="{note.group(1)}"' in red
    assert note.group(2) == "Takes today above your limit of 5 g a day"
    assert "quick-over" not in forms[1]
    # every button has its own key and the page's CSRF token, filled in for this response
    keys = re.findall(r'name="client_id" value="([0-9a-f-]{36})"', " ".join(forms))
    assert len(set(keys)) == 3
    assert all('name="csrfmiddlewaretoken" value="' in f for f in forms)
    assert "Hole" not in page
