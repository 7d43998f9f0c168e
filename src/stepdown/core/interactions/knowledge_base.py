"""The assembled knowledge base: classes by code, substances by name, and a name index.

Everything here is built once at import from the constant data modules and then frozen
(``MappingProxyType`` and tuples). Building validates the data, so a typo in a class code or two
drugs claiming the same name stop the import instead of giving a wrong answer later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from stepdown.core.interactions.classes_antagonists import ANTAGONIST_CLASSES
from stepdown.core.interactions.classes_other import OTHER_CLASSES
from stepdown.core.interactions.classes_sedating import SEDATING_CLASSES
from stepdown.core.interactions.combinations import COMBINATIONS
from stepdown.core.interactions.members_antagonists import ANTAGONIST_QT_LIVER_MEMBERS
from stepdown.core.interactions.members_opioids import OPIOID_MEMBERS
from stepdown.core.interactions.members_other import OTHER_MEMBERS
from stepdown.core.interactions.members_sedating import SEDATING_MEMBERS
from stepdown.core.interactions.model import Combination, InteractionClass, Substance
from stepdown.core.interactions.normalise import FORM_WORDS, key


class NameKind(StrEnum):
    """What kind of name an index entry is; it decides how freely the entry may match."""

    GENERIC = "generic"
    SYNONYM = "synonym"
    BRAND = "brand"
    STREET = "street"
    CLASS = "class"


@dataclass(frozen=True, slots=True, kw_only=True)
class IndexEntry:
    """One known name. Exactly one of ``substances`` (one, or a combination's ingredients) and
    ``class_code`` is set."""

    key: str
    display: str
    kind: NameKind
    substances: tuple[str, ...] = ()
    class_code: str | None = None

    @property
    def target(self) -> str:
        """What the name points at, to tell two names of the same thing apart from a clash."""
        return " + ".join(self.substances) if self.substances else f"class:{self.class_code}"


def _classes_by_code(classes: Iterable[InteractionClass]) -> Mapping[str, InteractionClass]:
    by_code: dict[str, InteractionClass] = {}
    for entry in classes:
        if entry.code in by_code:
            raise ValueError(f"interaction class {entry.code!r} is defined twice")
        if not (entry.sources and entry.advice.strip() and entry.mechanism.strip()):
            raise ValueError(f"interaction class {entry.code!r} lacks sources, advice or mechanism")
        by_code[entry.code] = entry
    return MappingProxyType(by_code)


def _substances_by_name(
    substances: Iterable[Substance], classes: Mapping[str, InteractionClass]
) -> Mapping[str, Substance]:
    by_name: dict[str, Substance] = {}
    for substance in substances:
        if substance.name in by_name:
            raise ValueError(f"substance {substance.name!r} is defined twice")
        unknown = [code for code in substance.classes if code not in classes]
        if unknown or not substance.classes:
            raise ValueError(f"substance {substance.name!r} has unknown classes {unknown}")
        by_name[substance.name] = substance
    return MappingProxyType(by_name)


def _checked_combinations(
    combinations: Iterable[Combination], substances: Mapping[str, Substance]
) -> tuple[Combination, ...]:
    checked = tuple(combinations)
    for combination in checked:
        unknown = [name for name in combination.ingredients if name not in substances]
        if unknown or len(combination.ingredients) < 2:
            raise ValueError(f"combination {combination.name!r} has unknown ingredients {unknown}")
    return checked


def _entries(
    substances: Iterable[Substance],
    combinations: Iterable[Combination],
    classes: Iterable[InteractionClass],
) -> Iterable[IndexEntry]:
    for s in substances:
        only = (s.name,)
        yield IndexEntry(key=key(s.name), display=s.name, kind=NameKind.GENERIC, substances=only)
        for kind, names in (
            (NameKind.SYNONYM, s.synonyms),
            (NameKind.BRAND, s.brands),
            (NameKind.STREET, s.street_names),
        ):
            for name in names:
                yield IndexEntry(key=key(name), display=name, kind=kind, substances=only)
    for product in combinations:
        for kind, names in (
            (NameKind.GENERIC, (product.name,)),
            (NameKind.SYNONYM, product.synonyms),
            (NameKind.BRAND, product.brands),
        ):
            for name in names:
                yield IndexEntry(
                    key=key(name), display=name, kind=kind, substances=product.ingredients
                )
    for c in classes:
        for alias in c.aliases:
            yield IndexEntry(key=key(alias), display=alias, kind=NameKind.CLASS, class_code=c.code)


def _index(entries: Iterable[IndexEntry]) -> Mapping[str, IndexEntry]:
    index: dict[str, IndexEntry] = {}
    for entry in entries:
        if not entry.key or entry.key in FORM_WORDS:
            raise ValueError(f"name {entry.display!r} is empty or a form word once normalised")
        existing = index.get(entry.key)
        if existing is None:
            index[entry.key] = entry
        elif existing.target != entry.target:
            raise ValueError(
                f"name {entry.display!r} points at both {existing.target} and {entry.target}"
            )
    return MappingProxyType(index)


CLASSES: Mapping[str, InteractionClass] = _classes_by_code(
    SEDATING_CLASSES + OTHER_CLASSES + ANTAGONIST_CLASSES
)
SUBSTANCES: Mapping[str, Substance] = _substances_by_name(
    OPIOID_MEMBERS + SEDATING_MEMBERS + OTHER_MEMBERS + ANTAGONIST_QT_LIVER_MEMBERS, CLASSES
)
COMBINATION_PRODUCTS: tuple[Combination, ...] = _checked_combinations(COMBINATIONS, SUBSTANCES)
NAME_INDEX: Mapping[str, IndexEntry] = _index(
    _entries(SUBSTANCES.values(), COMBINATION_PRODUCTS, CLASSES.values())
)


def known_names() -> tuple[str, ...]:
    """Every name that resolves, as written in the knowledge base (one per distinct key)."""
    return tuple(entry.display for entry in NAME_INDEX.values())
