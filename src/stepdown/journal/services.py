"""Writes to the journal: products and doses. Every function checks ownership first."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core.potency import (
    DoseInputError,
    ProductFlag,
    estimate_dose,
    product_flags,
    switch_flag,
)
from stepdown.core.units import round_to
from stepdown.errors import InvalidInput, NeedsConfirmation, NotFound
from stepdown.journal import selectors
from stepdown.journal.models import Dose, Product
from stepdown.worded import worded

# Clocks drift; a dose stamped a minute ahead of the server is still "now", not the future.
FUTURE_TOLERANCE = dt.timedelta(minutes=5)
# Kratom products reached Western markets in the 2000s; an earlier dose is a mistyped year.
EARLIEST_DOSE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
# Assumption: a dose more than a year before both now and the first logged dose is asked about.
UNUSUAL_HISTORY_GAP = dt.timedelta(days=365)
# Leaf carries about a hundredth as much 7-OH as mitragynine (KikuraHanajiri2009: 1-6 % and
# 0.01-0.04 % of product weight); more 7-OH than mitragynine means swapped values or a product
# enhanced with 7-OH (Lydecker2016).
LEAF_FORMS = frozenset({Product.Form.LEAF_POWDER, Product.Form.CAPSULES, Product.Form.TEA})

PRODUCT_FIELDS = (
    "name",
    "vendor",
    "form",
    "batch",
    "is_liquid",
    "capsule_weight_g",
    "mitragynine_mg_per_unit",
    "seven_oh_mg_per_unit",
    "lab_name",
    "lab_test_date",
    "heavy_metals",
    "microbial",
)


def _check_leaf_alkaloids(product: Product) -> None:
    mitragynine, seven_oh = product.mitragynine_mg_per_unit, product.seven_oh_mg_per_unit
    if mitragynine is None or seven_oh is None or product.form not in LEAF_FORMS:
        return
    if seven_oh > mitragynine:
        raise NeedsConfirmation(
            "seven_oh_mg_per_unit",
            _(
                "Leaf has far less 7-OH than mitragynine (about a hundredth). Check that the two "
                "values are not swapped; if the product is enhanced with 7-OH, choose the form "
                "“7-OH product”. Confirm to save these values as they are."
            ),
        )


def _validate_product(product: Product, *, confirm_unusual: bool = False) -> None:
    product.name = product.name.strip()
    if not product.name:
        raise InvalidInput("name", _("Give the product a name."))
    if product.form not in Product.Form.values:
        raise InvalidInput("form", _("Unknown form %(value)s.") % {"value": repr(product.form)})
    for field in ("heavy_metals", "microbial"):
        if getattr(product, field) not in Product.Result.values:
            raise InvalidInput(field, _("Use pass, fail or unknown."))
    # Round to the stored precision first, so what is checked is what is saved.
    for field in ("capsule_weight_g", "mitragynine_mg_per_unit", "seven_oh_mg_per_unit"):
        setattr(product, field, _stored(field, getattr(product, field)))
    if product.form == Product.Form.CAPSULES and not product.capsule_weight_g:
        raise InvalidInput(
            "capsule_weight_g", _("Capsules need the weight of one capsule in grams.")
        )
    if product.capsule_weight_g is not None and not Decimal(0) < product.capsule_weight_g <= 5:
        raise InvalidInput("capsule_weight_g", _("A capsule weighs more than 0 g and at most 5 g."))
    for field in ("mitragynine_mg_per_unit", "seven_oh_mg_per_unit"):
        value = getattr(product, field)
        # 1000 mg per g would be pure alkaloid; anything above is a typing error.
        if value is not None and not Decimal(0) <= value <= 1000:
            raise InvalidInput(field, _("Enter mg per gram (or per ml) between 0 and 1000."))
    if not confirm_unusual:
        _check_leaf_alkaloids(product)
    if product.lab_test_date and product.lab_test_date > local_today(product.owner):
        raise InvalidInput("lab_test_date", _("The lab test date cannot be in the future."))
    clash = (
        Product.objects.filter(owner=product.owner, name__iexact=product.name, archived_at=None)
        .exclude(pk=product.pk)
        .exists()
    )
    if clash:
        raise InvalidInput("name", _("You already have a product with this name."))


def _stored(field: str, value: Decimal | float | str | None) -> Decimal | None:
    """``value`` at the column's precision (three decimals); huge or non-numbers are refused."""
    if value is None:
        return None
    try:
        number = Decimal(str(value))
        if not number.is_finite() or abs(number) > 10**6:
            raise InvalidOperation
        return round_to(number, Decimal("0.001"))
    except InvalidOperation:
        raise InvalidInput(field, _("Enter a number within the allowed range.")) from None


def product_create(*, owner: User, confirm_unusual: bool = False, **fields: Any) -> Product:
    """Add a product. Unlikely lab values (more 7-OH than mitragynine in leaf) need
    ``confirm_unusual``."""
    unknown = set(fields) - set(PRODUCT_FIELDS)
    if unknown:
        raise InvalidInput(sorted(unknown)[0], _("This field cannot be set."))
    product = Product(owner=owner, **fields)
    _validate_product(product, confirm_unusual=confirm_unusual)
    product.save()
    return product


def product_update(
    *, owner: User, product_id: int, confirm_unusual: bool = False, **fields: Any
) -> Product:
    product = selectors.product_get(owner=owner, product_id=product_id)
    for field, value in fields.items():
        if field not in PRODUCT_FIELDS:
            raise InvalidInput(field, _(_("This field cannot be changed.")))
        if value is None and not getattr(Product._meta.get_field(field), "null", False):
            raise InvalidInput(field, _(_("This field cannot be empty.")))
        setattr(product, field, value)
    _validate_product(product, confirm_unusual=confirm_unusual)
    product.save()
    return product


def product_remove(*, owner: User, product_id: int) -> Literal["deleted", "archived"]:
    """Delete a product nobody's dose refers to; otherwise archive it. Returns what happened."""
    product = selectors.product_get(owner=owner, product_id=product_id)
    if product.doses.exists():
        product.archived_at = product.archived_at or timezone.now()
        product.save(update_fields=["archived_at", "updated_at"])
        return "archived"
    product.delete()
    return "deleted"


@dataclass(frozen=True)
class DoseResult:
    """A dose write: the dose, whether it was new, and any warning to show at once."""

    dose: Dose
    created: bool
    flags: tuple[ProductFlag, ...] = ()


def _parse_amount(amount: Decimal | float | str) -> Decimal:
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise InvalidInput("amount", _("Enter the amount as a number, for example 2.5.")) from None
    return value


# The core's wording for a dose it refuses (the core cannot import Django): listed here for the
# catalogue, worded where the error reaches a person, with its numbers in the reader's language.
CORE_DOSE_MESSAGES = (
    gettext_noop("Millilitres need a liquid product; choose one or use g."),
    gettext_noop("This product is a liquid: enter the amount in ml."),
    gettext_noop("Capsules need a product with a capsule weight; add it to the product."),
    gettext_noop("Enter the amount as a number, for example 2.5."),
    gettext_noop("The amount must be greater than zero."),
    gettext_noop("This amount is far too large for one dose."),
    gettext_noop("The amount must be at least %(least)s."),
    gettext_noop("Unknown unit %(unit)s; use one of %(allowed)s."),
    gettext_noop("A single dose can be at most %(most)s g."),
    gettext_noop("A single dose can be at most %(most)s ml."),
)
# The core's product flags without a number in them (``product_flags``), translated where the
# product list shows them.
CORE_PRODUCT_FLAGS = (
    gettext_noop(
        "Concentrated 7-OH product: far stronger at the opioid receptor than leaf; the FDA "
        "recommended scheduling these products in July 2025."
    ),
    gettext_noop("Failed the lab test for heavy metals; consider a tested product."),
    gettext_noop("Failed the lab test for microbes; consider a tested product."),
    gettext_noop("Failed the lab test for heavy metals and microbes; consider a tested product."),
)


def _fill_estimate(dose: Dose) -> None:
    """Compute grams and alkaloids from the amount, the unit and the product."""
    if dose.purpose and dose.purpose not in Dose.Purpose.values:
        raise InvalidInput(
            "purpose", _("Unknown purpose %(value)s.") % {"value": repr(dose.purpose)}
        )
    if dose.product is not None and dose.product.archived_at is not None and dose._state.adding:
        raise InvalidInput("product", _("This product is archived; choose another one."))
    try:
        estimate = estimate_dose(
            amount=_parse_amount(dose.amount),
            unit=dose.unit,
            product=dose.product.spec if dose.product else None,
        )
    except DoseInputError as error:
        raise InvalidInput(error.field, worded(error.says)) from None
    dose.amount = estimate.amount
    dose.grams = estimate.grams
    dose.millilitres = estimate.millilitres
    dose.mitragynine_mg = estimate.mitragynine_mg
    dose.seven_oh_mg = estimate.seven_oh_mg
    dose.mitragynine_estimated = estimate.mitragynine_estimated


def _day(moment: dt.datetime) -> str:
    return formats.date_format(moment, "j F Y")


def _check_time(owner: User, taken_at: dt.datetime, *, confirm_unusual: bool) -> None:
    if timezone.is_naive(taken_at):
        raise InvalidInput("taken_at", _("Give the time with its time zone."))
    if taken_at > timezone.now() + FUTURE_TOLERANCE:
        raise InvalidInput("taken_at", _("A dose cannot be logged in the future."))
    if taken_at < EARLIEST_DOSE:
        raise InvalidInput(
            "taken_at", _("Doses from before the year 2000 cannot be logged; check the year.")
        )
    # The history starts at the first dose (or now, before any): the usual case, a time within
    # a year of now, costs no query.
    now = timezone.now()
    if confirm_unusual or taken_at >= now - UNUSUAL_HISTORY_GAP:
        return
    first = Dose.objects.filter(owner=owner).order_by("taken_at").values_list("taken_at", flat=True)
    start = min(now, first[0]) if first else now
    if taken_at < start - UNUSUAL_HISTORY_GAP:
        raise NeedsConfirmation(
            "taken_at",
            _(
                "This is more than a year before your journal starts (%(day)s). Check the date; "
                "confirm to save it if it is right."
            )
            % {"day": _day(timezone.localtime(start, owner.zone))},
        )


def _resolve_product(owner: User, product_id: int | None) -> Product | None:
    if product_id is None:
        return None
    try:
        return selectors.product_get(owner=owner, product_id=product_id)
    except NotFound:
        raise InvalidInput("product_id", _("No such product in your library.")) from None


def dose_create(
    *,
    owner: User,
    amount: Decimal | float | str,
    unit: str = Dose.Unit.GRAM,
    product_id: int | None = None,
    taken_at: dt.datetime | None = None,
    purpose: str = "",
    note: str = "",
    client_id: uuid.UUID | None = None,
    confirm_unusual: bool = False,
) -> DoseResult:
    """Log a dose. The same ``client_id`` again returns the original dose and creates nothing.
    A time long before the rest of the person's history needs ``confirm_unusual``.

    The key is not looked up first: the insert itself finds a repeated one (the unique
    constraint on the person and the key), so a new dose, nearly every one, costs no look-up
    (docs/performance.md). A retry whose own fields would now be refused (its product archived
    since, say) still answers with the original, as it did when the look-up came first."""
    taken_at = taken_at or timezone.now()
    try:
        _check_time(owner, taken_at, confirm_unusual=confirm_unusual)
        product = _resolve_product(owner, product_id)
        dose = Dose(
            owner=owner,
            product=product,
            amount=amount,
            unit=unit,
            taken_at=taken_at,
            purpose=purpose,
            note=note.strip(),
            client_id=client_id,
        )
        _fill_estimate(dose)
    except (InvalidInput, NeedsConfirmation):
        original = _original(owner, client_id)
        if original is None:
            raise
        return original
    # The previous dose matters only to spot a product switch.
    previous = selectors.last_dose(owner=owner) if product is not None else None
    try:
        _insert(dose)
    except IntegrityError:
        # The key was used before, or a concurrent retry with it won the race: answer with its
        # dose. Any other constraint's failure is not ours to answer.
        original = _original(owner, client_id)
        if original is None:
            raise
        return original
    return _created(dose, product, previous)


def _original(owner: User, client_id: uuid.UUID | None) -> DoseResult | None:
    """The answer to a retry: the dose already logged with the key, if any."""
    if client_id is None:
        return None
    existing = selectors.dose_by_client_id(owner=owner, client_id=client_id)
    return None if existing is None else DoseResult(existing, created=False)


def _insert(dose: Dose) -> None:
    """Saves a new dose in a transaction of its own, so the alert rules its signal runs read
    after the commit: a transaction around the insert would hold SQLite's write lock while they
    read, and every other writer would wait (docs/performance.md). Inside a caller's
    transaction, a key that may collide gets a savepoint, which keeps that transaction usable
    when the insert fails."""
    if dose.client_id is not None and transaction.get_connection().in_atomic_block:
        with transaction.atomic():
            dose.save()
    else:
        dose.save()


def _created(dose: Dose, product: Product | None, previous: Dose | None) -> DoseResult:
    """The new dose with the warnings to show at once: product flags and a big potency switch."""
    flags = list(product_flags(product.spec)) if product else []
    if previous is not None and previous.product and product and previous.product_id != product.pk:
        switched = switch_flag(from_product=previous.product.spec, to_product=product.spec)
        if switched is not None:
            flags.append(switched)
    return DoseResult(dose, created=True, flags=tuple(flags))


DOSE_FIELDS = ("amount", "unit", "product_id", "taken_at", "purpose", "note")


def dose_update(*, owner: User, dose_id: int, confirm_unusual: bool = False, **fields: Any) -> Dose:
    dose = selectors.dose_get(owner=owner, dose_id=dose_id)
    for field, value in fields.items():
        if field not in DOSE_FIELDS:
            raise InvalidInput(field, _(_("This field cannot be changed.")))
        if value is None and field != "product_id":
            raise InvalidInput(field, _(_("This field cannot be empty.")))
        if field == "product_id":
            dose.product = _resolve_product(owner, value)
        elif field == "taken_at":
            if value != dose.taken_at:
                _check_time(owner, value, confirm_unusual=confirm_unusual)
            dose.taken_at = value
        else:
            setattr(dose, field, value.strip() if field == "note" else value)
    _fill_estimate(dose)
    dose.save()
    return dose


def dose_delete(*, owner: User, dose_id: int) -> None:
    selectors.dose_get(owner=owner, dose_id=dose_id).delete()
