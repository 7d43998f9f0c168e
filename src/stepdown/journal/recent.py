"""The person's newest doses with their products, read once for the Today page: the one-tap
buttons ("same as last time") and today's list of doses both come from them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import pgettext

from stepdown.accounts.clock import day_start
from stepdown.accounts.models import User
from stepdown.journal.models import Dose, Product
from stepdown.journal.selectors import doses_for
from stepdown.web import formatting
from stepdown.web.raw_rows import columns_of, raw_models

QUICK_PAIRS = 3


@dataclass(frozen=True)
class QuickPair:
    """A recent product and amount, offered as a one-tap "same as last time" button."""

    product: Product | None
    amount: Decimal
    unit: str

    @property
    def label(self) -> str:
        caps = pgettext("short for capsules", "caps")
        unit = f" {caps}" if self.unit == "capsule" else f" {self.unit}"
        amount = formatting.number(self.amount, 3)
        return f"{amount}{unit} {self.product.name}" if self.product else f"{amount}{unit}"


RECENT_DOSES = 30
# A dose as a list shows it, and its product as a one-tap button needs it (name, archived, and
# what ``Product.spec`` reads to convert an amount to grams and alkaloids).
RECENT_COLUMNS = (
    "owner_id", "product_id", "taken_at", "amount", "unit", "grams", "millilitres",
    "mitragynine_mg",
    "mitragynine_estimated", "product__name", "product__form", "product__is_liquid",
    "product__capsule_weight_g", "product__mitragynine_mg_per_unit",
    "product__seven_oh_mg_per_unit", "product__heavy_metals", "product__microbial",
    "product__archived_at",
)  # fmt: skip


def _recent_sql(*, bounded: bool) -> str:
    """The newest doses with their products' ``RECENT_COLUMNS``, as plain SQL."""
    dose = columns_of(Dose, table="d", only=[c for c in RECENT_COLUMNS if "__" not in c])
    product = columns_of(
        Product,
        table="p",
        prefix="product__",
        only=[c.removeprefix("product__") for c in RECENT_COLUMNS if "__" in c],
    )
    until = ' AND d."taken_at" < %s' if bounded else ""
    return (
        f'SELECT {dose}, {product} FROM "journal_dose" d '  # noqa: S608 (names from the models)
        'LEFT JOIN "journal_product" p ON p."id" = d."product_id" '
        f'WHERE d."owner_id" = %s{until} ORDER BY d."taken_at" DESC LIMIT %s'
    )


_RECENT_SQL = {bounded: _recent_sql(bounded=bounded) for bounded in (False, True)}


def recent_doses(
    *, owner: User, until: dt.date | None = None, limit: int = RECENT_DOSES
) -> list[Dose]:
    """The newest doses (up to the local day ``until``) with their products, newest first.
    One query, of the columns a dose list and the one-tap buttons show (``RECENT_COLUMNS``), in
    plain SQL: on the Today page building the ORM query and its 60 instances cost five times
    running it (docs/performance.md)."""
    params: list[Any] = [owner.pk]
    if until is not None:
        params.append(day_start(owner, until + dt.timedelta(days=1)))
    return raw_models(
        Dose, _RECENT_SQL[until is not None], [*params, limit], related={"product": Product}
    )


def recent_pairs(*, owner: User, limit: int = QUICK_PAIRS) -> list[QuickPair]:
    """Distinct recent (product, amount, unit) combinations, most recent first."""
    return pairs_from(recent_doses(owner=owner), limit=limit)


def pairs_from(recent: list[Dose], *, limit: int = QUICK_PAIRS) -> list[QuickPair]:
    """:func:`recent_pairs` from doses already read (newest first); no query."""
    pairs: dict[tuple[int | None, Decimal, str], QuickPair] = {}
    for dose in recent:
        key = (dose.product_id, dose.amount.normalize(), dose.unit)
        if key in pairs or (dose.product is not None and dose.product.archived_at is not None):
            continue  # archived products are not offered
        pairs[key] = QuickPair(dose.product, key[1], dose.unit)
    return list(pairs.values())[:limit]


def doses_on(*, owner: User, day: dt.date, recent: list[Dose], limit: int) -> list[Dose]:
    """The newest ``limit`` doses of the local ``day``, taken from ``recent`` (the newest doses,
    newest first) when it holds them all, else read (one query)."""
    found = day_doses_from(recent, owner=owner, day=day)
    if found is not None:
        return found[:limit]
    start = day_start(owner, day)
    found = [dose for dose in recent if start <= dose.taken_at][:limit]
    if len(found) == limit:
        return found
    return list(doses_for(owner=owner, since=day, until=day).order_by("-taken_at")[:limit])


def day_doses_from(recent: list[Dose], *, owner: User, day: dt.date) -> list[Dose] | None:
    """Every dose of the local ``day`` (newest first) from ``recent`` (the newest doses up to
    that day, newest first, as :func:`recent_doses` reads them), or ``None`` when ``recent``
    may not reach back to the day's start. No query."""
    start, end = day_start(owner, day), day_start(owner, day + dt.timedelta(days=1))
    if len(recent) >= RECENT_DOSES and recent[-1].taken_at >= start:
        return None
    return [dose for dose in recent if start <= dose.taken_at < end]
