"""Recognising a typed drug name: exact names first, then combinations, misspellings and words.

Order matters for safety. An exact or alias match always wins over a guess. A misspelling is
accepted only when exactly one drug is closest and shares the first letter, so "codiene" finds
codeine but an ambiguous typo finds nothing. A misspelling may change letters but never digits,
so a name that differs from a brand only by a number ("Tylenol" and "Tylenol 3") is never taken
for it; a bare whole number is kept as part of the name until a name without it is tried.
Street names ("coke", "ice") only match when they are the whole entry, so "diet coke" never
becomes cocaine. Anything not recognised returns ``None``: "not in the knowledge base", which
says nothing about safety.
"""

from __future__ import annotations

from dataclasses import dataclass

from stepdown.core.interactions.fuzzy import MIN_FUZZY_LENGTH, allowed_edits, edit_distance
from stepdown.core.interactions.knowledge_base import (
    CLASSES,
    NAME_INDEX,
    SUBSTANCES,
    IndexEntry,
    NameKind,
)
from stepdown.core.interactions.model import MatchedAs, MatchKind, Resolution
from stepdown.core.interactions.normalise import (
    compact,
    fold,
    letters_and_digits,
    split_parts,
    strip_forms,
    strip_measures,
    strip_strengths,
)

# Street names are slang that collides with ordinary words, so they never match fuzzily. Each
# candidate is kept with its key's letters and digits apart (see ``_closest``).
_FUZZY_CANDIDATES: tuple[tuple[IndexEntry, str, str], ...] = tuple(
    (entry, *letters_and_digits(entry.key))
    for entry in NAME_INDEX.values()
    if entry.kind is not NameKind.STREET
    and len(letters_and_digits(entry.key)[0]) >= MIN_FUZZY_LENGTH
)
_MATCHED_AS = {
    NameKind.GENERIC: MatchedAs.EXACT,
    NameKind.BRAND: MatchedAs.BRAND,
    NameKind.SYNONYM: MatchedAs.OTHER_NAME,
    NameKind.STREET: MatchedAs.OTHER_NAME,
    NameKind.CLASS: MatchedAs.CLASS,
}


@dataclass(frozen=True, slots=True)
class _Hit:
    entries: tuple[IndexEntry, ...]
    kind: MatchKind
    unrecognised: tuple[str, ...] = ()


def resolve(name: str) -> Resolution | None:
    """What ``name`` is in the knowledge base, or ``None`` if it is not in it.

    Case, accents, punctuation, strengths ("10 mg") and salt or release-form words ("HCl",
    "ER") are ignored; combinations ("oxycodone/paracetamol") resolve part by part; small
    misspellings are tolerated when one drug is clearly closest.
    """
    folded = fold(name)
    hit = (
        _exact(folded)
        or _combination(folded)
        or _guess(strip_measures(folded))
        or _guess(strip_forms(folded))
    )
    return None if hit is None else _resolution(name, hit)


def _exact(folded: str, *, whole_entry: bool = True) -> _Hit | None:
    # A street name must be the whole entry as typed: "ice cream" minus the form word "cream"
    # must not become methamphetamine, nor "rum and coke" cocaine. Form words and a bare number
    # are tried as part of the name first: "Ery-Tab 250 mg" is Ery-Tab, "Tylenol 3 300 mg" is
    # Tylenol 3, "Tylenol 500 mg" is Tylenol.
    candidates = (
        (folded, whole_entry),
        (strip_strengths(folded), False),
        (strip_measures(folded), False),
        (strip_forms(folded), False),
    )
    for candidate, street_allowed in candidates:
        entry = NAME_INDEX.get(compact(candidate))
        if entry is not None and (street_allowed or entry.kind is not NameKind.STREET):
            kind = MatchKind.EXACT if entry.kind is NameKind.GENERIC else MatchKind.ALIAS
            return _Hit((entry,), kind)
    return None


def _combination(folded: str) -> _Hit | None:
    parts = split_parts(folded)
    if len(parts) < 2:
        return None
    entries: list[IndexEntry] = []
    kinds: list[MatchKind] = []
    unrecognised: list[str] = []
    for part in parts:
        hit = _exact(part, whole_entry=False) or _guess(part)
        if hit is None:
            unrecognised.append(part)
            continue
        entries.extend(hit.entries)
        kinds.append(hit.kind)
        unrecognised.extend(hit.unrecognised)
    if not entries:
        return None
    return _Hit(tuple(entries), _combined_kind(kinds, unrecognised), tuple(unrecognised))


def _combined_kind(kinds: list[MatchKind], unrecognised: list[str]) -> MatchKind:
    if MatchKind.FUZZY in kinds:
        return MatchKind.FUZZY
    if unrecognised or MatchKind.PARTIAL in kinds:
        return MatchKind.PARTIAL
    return MatchKind.ALIAS if MatchKind.ALIAS in kinds else MatchKind.EXACT


def _guess(stripped: str) -> _Hit | None:
    if not stripped:
        return None
    entry = _closest(compact(stripped))
    if entry is not None:
        return _Hit((entry,), MatchKind.FUZZY)
    return _words(stripped)


def _closest(typed: str) -> IndexEntry | None:
    """The single known name closest to a misspelt ``typed`` key, if one is clearly closest.

    Only the letters are compared, and only with names that have exactly the same digits: a
    number in a name tells products apart ("Tylenol 3" has codeine), so it is never guessed.
    """
    letters, digits = letters_and_digits(typed)
    limit = allowed_edits(len(letters))
    if limit == 0:
        return None
    best_by_target: dict[str, tuple[int, IndexEntry]] = {}
    for entry, entry_letters, entry_digits in _FUZZY_CANDIDATES:
        if entry_digits != digits or entry_letters[0] != letters[0]:
            continue
        distance = edit_distance(letters, entry_letters, limit=limit)
        if distance > limit:
            continue
        current = best_by_target.get(entry.target)
        if current is None or distance < current[0]:
            best_by_target[entry.target] = (distance, entry)
    if not best_by_target:
        return None
    best = min(distance for distance, _ in best_by_target.values())
    winners = [entry for distance, entry in best_by_target.values() if distance == best]
    # Two different drugs equally close: refuse to guess rather than pick the wrong one.
    return winners[0] if len(winners) == 1 else None


def _words(stripped: str) -> _Hit | None:
    """Known names inside a longer entry ("xanax for sleep"), longest run of words first."""
    words = stripped.split()
    if len(words) < 2:
        return None
    entries: list[IndexEntry] = []
    unrecognised: list[str] = []
    start = 0
    while start < len(words):
        for end in range(len(words), start, -1):
            entry = NAME_INDEX.get(compact(" ".join(words[start:end])))
            if entry is not None and entry.kind is not NameKind.STREET:
                entries.append(entry)
                start = end
                break
        else:
            unrecognised.append(words[start])
            start += 1
    if not entries:
        return None
    return _Hit(tuple(entries), MatchKind.PARTIAL, tuple(unrecognised))


def _resolution(query: str, hit: _Hit) -> Resolution:
    substances: list[str] = []
    labels: list[str] = []
    classes: list[str] = []
    codes: tuple[str, ...]
    for entry in hit.entries:
        if entry.substances:
            codes = ()
            for name in entry.substances:
                if name not in substances:
                    substances.append(name)
                    labels.append(name)
                codes += SUBSTANCES[name].classes
        else:
            assert entry.class_code is not None  # an index entry names a substance or a class
            label = CLASSES[entry.class_code].label
            if label not in labels:
                labels.append(label)
            codes = (entry.class_code,)
        classes.extend(code for code in codes if code not in classes)
    return Resolution(
        query=query,
        name=" + ".join(labels),
        substances=tuple(substances),
        classes=tuple(classes),
        match=hit.kind,
        matched=tuple(dict.fromkeys(entry.display for entry in hit.entries)),
        unrecognised=hit.unrecognised,
        matched_as=_matched_as(hit),
    )


def _matched_as(hit: _Hit) -> MatchedAs:
    if hit.kind is MatchKind.FUZZY:
        return MatchedAs.CLOSE_SPELLING
    if hit.kind is MatchKind.PARTIAL:
        return MatchedAs.PARTIAL
    kinds = [entry.kind for entry in hit.entries if entry.kind is not NameKind.GENERIC]
    return _MATCHED_AS[kinds[0]] if kinds else MatchedAs.EXACT
