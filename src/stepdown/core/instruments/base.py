"""The shape of a questionnaire: frozen values that describe items, scoring, bands and flags.

An instrument is data. One generic scorer (:mod:`stepdown.core.instruments.scoring`) reads these
values, and one generic form renderer in the web layer can draw them, so adding a questionnaire
means writing one module that builds an :class:`Instrument` and naming it in the registry.

Every definition checks itself when it is built: a band table with a gap, a flag that points at a
missing item or a total that sums free text fails at import time, not when a person answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from stepdown.core.instruments.translation import ENGLISH, Translation

_CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class ItemKind(StrEnum):
    """How an item is answered."""

    CHOICE = "choice"  # one option from a fixed list; the option's value is its score
    YES_NO = "yes_no"  # no scores 0, yes scores 1
    NUMBER = "number"  # a number between a minimum and a maximum (hours, minutes, 0-100 scale)
    TEXT = "text"  # free text, never scored


class Audience(StrEnum):
    """Who fills the instrument in."""

    SELF_REPORT = "self_report"
    CLINICIAN = "clinician"


class Wording(StrEnum):
    """Where the item text comes from."""

    PUBLISHED = "published"  # the published wording, reproduced with permission or as free to use
    PARAPHRASED = "paraphrased"  # a validated instrument, reworded by Stepdown
    STEPDOWN = "stepdown"  # Stepdown's own questions; not a validated scale


def _check_code(code: str, what: str) -> None:
    if not _CODE_PATTERN.fullmatch(code):
        raise ValueError(f"{what} code {code!r} must be lower-case letters, digits and underscores")


@dataclass(frozen=True, kw_only=True)
class Option:
    """One answer a person can pick.

    ``value`` is what is stored and sent; it is also the score the answer adds unless ``score``
    says otherwise. ``refusal`` marks "I would rather not answer" where an instrument offers it
    (the ASQ scores a refusal like a "yes", NIMHASQ), so the refusal stays visible in the
    stored answers while it counts as positive.
    """

    value: int
    label: str
    score: int | None = None
    refusal: bool = False

    @property
    def points(self) -> int:
        """The score this answer adds."""
        return self.value if self.score is None else self.score


@dataclass(frozen=True, kw_only=True)
class AskedIf:
    """An item that is asked only when an earlier item was answered at or above ``minimum``.

    When the condition holds the item is required. When it does not hold the item is not asked,
    but an answer that arrives anyway is still validated and scored: a "yes" to a safety question
    is never thrown away.
    """

    items: tuple[str, ...]
    minimum: int = 1

    def __post_init__(self) -> None:
        if not self.items:
            raise ValueError("an AskedIf condition needs at least one item")


@dataclass(frozen=True, kw_only=True)
class Item:
    """One question.

    ``minimum``/``maximum``/``decimal_places``/``unit`` apply to NUMBER items, ``options`` to
    CHOICE and YES_NO items, ``max_length`` to TEXT items. ``min_label``/``max_label`` anchor the
    ends of a slider. ``section`` groups items on a form.
    """

    code: str
    text: str
    kind: ItemKind
    options: tuple[Option, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    decimal_places: int = 0
    unit: str | None = None
    min_label: str | None = None
    max_label: str | None = None
    max_length: int | None = None
    optional: bool = False
    asked_if: AskedIf | None = None
    section: str = ""
    help_text: str = ""

    def __post_init__(self) -> None:
        _check_code(self.code, "item")
        if not self.text.strip():
            raise ValueError(f"item {self.code} needs its question text")
        if self.kind in (ItemKind.CHOICE, ItemKind.YES_NO):
            self._check_options()
        elif self.options:
            raise ValueError(f"item {self.code}: only choice and yes/no items have options")
        if self.kind is ItemKind.NUMBER:
            self._check_number()
        if self.kind is ItemKind.TEXT and (self.max_length is None or self.max_length < 1):
            raise ValueError(f"item {self.code}: a text item needs a positive max_length")

    def _check_options(self) -> None:
        values = [option.value for option in self.options]
        if len(values) < 2:
            raise ValueError(f"item {self.code} needs at least two options")
        if len(set(values)) != len(values):
            raise ValueError(f"item {self.code} repeats an option value")
        plain = sorted(option.value for option in self.options if not option.refusal)
        if self.kind is ItemKind.YES_NO and plain != [0, 1]:
            raise ValueError(f"yes/no item {self.code} must score no as 0 and yes as 1")
        if sum(option.refusal for option in self.options) > 1:
            raise ValueError(f"item {self.code} offers more than one refusal")

    def _check_number(self) -> None:
        if self.minimum is None or self.maximum is None or self.minimum >= self.maximum:
            raise ValueError(f"number item {self.code} needs a minimum below its maximum")
        if self.decimal_places < 0:
            raise ValueError(f"number item {self.code}: decimal_places cannot be negative")

    @property
    def allowed_values(self) -> tuple[int, ...]:
        """Scores a choice or yes/no item accepts, in ascending order (empty otherwise)."""
        return tuple(sorted(option.value for option in self.options))

    @property
    def refusal(self) -> Option | None:
        """The "rather not answer" option, when the item offers one."""
        return next((option for option in self.options if option.refusal), None)

    def points(self, value: int | Decimal) -> int | Decimal:
        """The score an answer adds: the option's score for choices, the number otherwise."""
        for option in self.options:
            if option.value == value:
                return option.points
        return value

    @property
    def is_integer_scored(self) -> bool:
        """Whether every answer to this item is a whole-number score that a total can add."""
        return self.kind in (ItemKind.CHOICE, ItemKind.YES_NO) or (
            self.kind is ItemKind.NUMBER and self.decimal_places == 0
        )

    @property
    def is_always_required(self) -> bool:
        """Whether every response must answer this item."""
        return not self.optional and self.asked_if is None

    @property
    def score_range(self) -> tuple[Decimal, Decimal]:
        """Lowest and highest score an answer can have (TEXT items have none)."""
        if self.kind is ItemKind.NUMBER:
            if self.minimum is None or self.maximum is None:
                raise ValueError(f"number item {self.code} has no range")  # unreachable once built
            return self.minimum, self.maximum
        if self.kind is ItemKind.TEXT:
            raise ValueError(f"text item {self.code} has no score")
        scores = sorted(option.points for option in self.options)
        return Decimal(scores[0]), Decimal(scores[-1])


@dataclass(frozen=True, kw_only=True)
class Band:
    """A named range of the total, both ends inclusive."""

    name: str
    label: str
    low: int
    high: int

    def __post_init__(self) -> None:
        _check_code(self.name, "band")
        if self.low > self.high:
            raise ValueError(f"band {self.name}: low {self.low} is above high {self.high}")

    def contains(self, total: int) -> bool:
        """Whether ``total`` falls in this band."""
        return self.low <= total <= self.high


@dataclass(frozen=True, kw_only=True)
class Subscore:
    """The sum of some items, reported beside the total.

    A subscore is left out of a result when any of its items was not answered.
    """

    code: str
    label: str
    items: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_code(self.code, "subscore")
        if not self.items:
            raise ValueError(f"subscore {self.code} needs at least one item")


@dataclass(frozen=True, kw_only=True)
class FlagRule:
    """Raise ``code`` when any of ``items`` is answered at or above ``at_least``.

    With no ``items`` the rule looks at the total instead.
    """

    code: str
    description: str
    at_least: int
    items: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_code(self.code, "flag")


@dataclass(frozen=True, kw_only=True)
class ReferenceCutoff:
    """A cut-off published for some other population or substance, shown for context only."""

    population: str
    at_least: int
    source: str
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Instrument:
    """A questionnaire: what it asks, how it scores, and where it comes from.

    ``total_items`` are summed into the total. ``bands`` split the total into named ranges and
    must cover every possible total without gaps; an empty tuple means the instrument has no
    bands. ``version`` is the revision of this definition, so a stored response can say which
    wording it answered. ``default_interval_days`` is a scheduling hint only; the schedule itself
    belongs to the check-ins app. ``translations`` word it in other languages (see
    :mod:`stepdown.core.instruments.translation`); ``language`` is the language of this value.
    """

    code: str
    name: str
    version: str
    description: str
    instructions: str
    time_window: str
    audience: Audience
    wording: Wording
    validated: bool
    items: tuple[Item, ...]
    total_items: tuple[str, ...]
    total_label: str
    licence: str
    sources: tuple[str, ...]
    attribution: str | None = None
    subscores: tuple[Subscore, ...] = ()
    bands: tuple[Band, ...] = ()
    flags: tuple[FlagRule, ...] = ()
    reference_cutoffs: tuple[ReferenceCutoff, ...] = ()
    notes: tuple[str, ...] = ()
    default_interval_days: int | None = None
    translations: tuple[Translation, ...] = field(default=(), compare=False)
    language: str = ENGLISH

    def __post_init__(self) -> None:
        _check_code(self.code, "instrument")
        if not self.licence.strip():
            raise ValueError(f"instrument {self.code} needs a licence statement")
        if not self.sources:
            raise ValueError(f"instrument {self.code} needs at least one source ID")
        self._check_items()
        self._check_total()
        for subscore in self.subscores:
            self._check_scored_refs(subscore.items, f"subscore {subscore.code}")
        for rule in self.flags:
            self._check_scored_refs(rule.items, f"flag {rule.code}")
        self._check_bands()

    @property
    def item_codes(self) -> tuple[str, ...]:
        """Item codes in the order they are asked."""
        return tuple(item.code for item in self.items)

    def item(self, code: str) -> Item:
        """The item called ``code``; ``KeyError`` if there is none."""
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)

    @property
    def total_range(self) -> tuple[int, int]:
        """Lowest and highest possible total."""
        low = sum(int(self.item(code).score_range[0]) for code in self.total_items)
        high = sum(int(self.item(code).score_range[1]) for code in self.total_items)
        return low, high

    def band_for(self, total: int) -> Band | None:
        """The band ``total`` falls in, or ``None`` when the instrument has no bands."""
        for band in self.bands:
            if band.contains(total):
                return band
        return None

    def _check_items(self) -> None:
        codes = self.item_codes
        if not codes:
            raise ValueError(f"instrument {self.code} has no items")
        if len(set(codes)) != len(codes):
            raise ValueError(f"instrument {self.code} repeats an item code")
        for position, item in enumerate(self.items):
            if item.asked_if is None:
                continue
            earlier = set(codes[:position])
            for code in item.asked_if.items:
                if code not in earlier:
                    raise ValueError(
                        f"item {item.code} depends on {code}, which must be an earlier item"
                    )

    def _check_total(self) -> None:
        if not self.total_items:
            raise ValueError(f"instrument {self.code} sums no items into its total")
        for code in self.total_items:
            item = self._known_item(code, "the total")
            if not (item.is_integer_scored and item.is_always_required):
                raise ValueError(
                    f"instrument {self.code}: total item {code} must be required and whole-number"
                )

    def _check_scored_refs(self, codes: tuple[str, ...], where: str) -> None:
        for code in codes:
            if self._known_item(code, where).kind is ItemKind.TEXT:
                raise ValueError(f"instrument {self.code}: {where} cannot use text item {code}")

    def _known_item(self, code: str, where: str) -> Item:
        try:
            return self.item(code)
        except KeyError:
            raise ValueError(f"instrument {self.code}: {where} names unknown item {code}") from None

    def _check_bands(self) -> None:
        if not self.bands:
            return
        names = [band.name for band in self.bands]
        if len(set(names)) != len(names):
            raise ValueError(f"instrument {self.code} repeats a band name")
        low, high = self.total_range
        expected_low = low
        for band in self.bands:
            if band.low != expected_low:
                raise ValueError(
                    f"instrument {self.code}: band {band.name} starts at {band.low}, "
                    f"expected {expected_low} (bands must be in order with no gap or overlap)"
                )
            expected_low = band.high + 1
        if self.bands[-1].high != high:
            raise ValueError(
                f"instrument {self.code}: bands end at {self.bands[-1].high}, "
                f"but the total can reach {high}"
            )
