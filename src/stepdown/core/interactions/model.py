"""The frozen values of the interaction checker: entries of the knowledge base and answers.

The knowledge base has two kinds of entry. An :class:`InteractionClass` says how a group of drugs
interacts with kratom (mechanism, severity, what to do, evidence, sources). A :class:`Substance`
is one drug or substance with its names (generic, other generic spellings, brands, street names)
and the classes it belongs to; one drug can sit in several classes (tramadol is an opioid, a
serotonergic drug and a CYP2D6-activated prodrug).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a combination with kratom matters; ``rank`` orders them (high first)."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for high, 1 for moderate, 2 for low: sort ascending to put the worst first."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MODERATE: 1, Severity.LOW: 2}


class Basis(StrEnum):
    """Whether harm from the combination has been seen in people or is reasoned from elsewhere.

    ``theoretical`` covers in-vitro and animal findings and class-based reasoning (what is known
    about the drug class with other opioid-like or sedating substances) where no kratom-specific
    human report was found.
    """

    OBSERVED = "observed"
    THEORETICAL = "theoretical"


class EvidenceType(StrEnum):
    """The kind of study behind an entry, strongest kinds first."""

    CLINICAL_STUDY = "clinical study"
    DEATH_DATA = "death data"
    CASE_SERIES = "case series"
    CASE_REPORT = "case report"
    ANIMAL = "animal study"
    IN_VITRO = "in vitro"
    CLASS_BASED = "class-based reasoning"


class MatchKind(StrEnum):
    """How a typed name was recognised."""

    EXACT = "exact"  # the generic name itself
    ALIAS = "alias"  # another generic spelling, a brand, a street name or a class name
    FUZZY = "fuzzy"  # a misspelling, closest to exactly one known name
    PARTIAL = "partial"  # some words or parts of a combination were recognised


@dataclass(frozen=True, slots=True, kw_only=True)
class InteractionClass:
    """How one group of drugs interacts with kratom.

    ``aliases`` are names of the group itself ("benzos", "SSRIs") that resolve to the class.
    ``evidence`` is a short honest summary, including what was looked for and NOT found.
    """

    code: str
    label: str
    severity: Severity
    mechanism: str
    advice: str
    evidence_types: tuple[EvidenceType, ...]
    evidence: str
    basis: Basis
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ClassWording:
    """An interaction class's words in another language (see ``wording``)."""

    label: str
    mechanism: str
    advice: str
    evidence: str

    def __post_init__(self) -> None:
        for name in ("label", "mechanism", "advice", "evidence"):
            if not getattr(self, name).strip():
                raise ValueError(f"a class wording needs its {name}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Substance:
    """One drug or substance and every name it goes by.

    ``synonyms`` are other generic names or spellings (rifampin/rifampicin); ``street_names`` only
    match when they are the whole entry, so "diet coke" never resolves to cocaine.
    """

    name: str
    classes: tuple[str, ...]
    synonyms: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    street_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Combination:
    """A product with several active ingredients ("buprenorphine/naloxone": Suboxone).

    Its names resolve to every ingredient, so the product carries all their classes.
    """

    name: str
    ingredients: tuple[str, ...]
    brands: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()


class MatchedAs(StrEnum):
    """How a name was recognised, in the words shown to the person."""

    EXACT = "exact"
    BRAND = "brand"
    OTHER_NAME = "other name"  # another generic spelling or a street name
    CLASS = "class name"
    PARTIAL = "partial"
    CLOSE_SPELLING = "close spelling"


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """What a typed name was recognised as.

    ``name`` is the generic name (or names joined by " + " for a combination, or a class label
    when a class name such as "benzos" was typed); ``matched`` are the known names that matched;
    ``unrecognised`` are the parts of the entry that were not understood.
    """

    query: str
    name: str
    substances: tuple[str, ...]
    classes: tuple[str, ...]
    match: MatchKind
    matched: tuple[str, ...]
    unrecognised: tuple[str, ...] = ()
    matched_as: MatchedAs = MatchedAs.EXACT

    @property
    def needs_confirmation(self) -> bool:
        """A close spelling is only a guess: it counts (alerts, warnings) once confirmed."""
        return self.match is MatchKind.FUZZY

    @property
    def suggestion(self) -> str | None:
        """ "Did you mean …?": the known name a close spelling was taken for."""
        return " + ".join(self.matched) if self.needs_confirmation else None

    @property
    def match_label(self) -> str:
        """ "exact", "brand", "close spelling — did you mean quetiapine?" …"""
        if self.suggestion is not None:
            return f"{MatchedAs.CLOSE_SPELLING.value} — did you mean {self.suggestion}?"
        return self.matched_as.value


@dataclass(frozen=True, slots=True, kw_only=True)
class Interaction:
    """One interaction that applies to a resolved name (a view of its class)."""

    class_code: str
    label: str
    severity: Severity
    mechanism: str
    advice: str
    evidence_types: tuple[EvidenceType, ...]
    evidence: str
    basis: Basis
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The answer for one typed name.

    ``resolution`` is ``None`` when the name is not in the knowledge base: that says nothing about
    safety, only that Stepdown has no entry for it.
    """

    name: str
    resolution: Resolution | None
    interactions: tuple[Interaction, ...]

    @property
    def in_knowledge_base(self) -> bool:
        """Whether the name was recognised."""
        return self.resolution is not None

    @property
    def highest_severity(self) -> Severity | None:
        """The worst severity among the interactions, or ``None`` if there are none."""
        if not self.interactions:
            return None
        return min((i.severity for i in self.interactions), key=lambda s: s.rank)


@dataclass(frozen=True, slots=True, kw_only=True)
class CategoryReport:
    """The answer for a category of "other substance" logged in the journal."""

    category: str
    label: str
    classes: tuple[str, ...]
    interactions: tuple[Interaction, ...]
    note: str

    @property
    def highest_severity(self) -> Severity | None:
        """The worst severity among the interactions, or ``None`` if there are none."""
        if not self.interactions:
            return None
        return min((i.severity for i in self.interactions), key=lambda s: s.rank)
