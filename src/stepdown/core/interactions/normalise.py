"""Turning what a person typed into comparable keys.

"QUÉTIAPINE 25 mg", "quetiapine fumarate XR" and "Quetiapine" must all compare equal to the
knowledge base's "quetiapine". Normalising folds case and accents, drops apostrophes, turns other
punctuation into spaces, and can strip strengths and salt or release-form words. Keys compare
with the spaces removed ("Zzz Quil" = "ZzzQuil").
"""

from __future__ import annotations

import re
import unicodedata


def _word_set(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


# Words that describe a salt, a dose form or a release form rather than the drug. None of them is
# a drug name in the knowledge base (a test checks this), so stripping them cannot hide a drug.
FORM_WORDS = _word_set(
    # salts and esters
    "hcl hydrochloride hbr hydrobromide sulfate sulphate phosphate tartrate bitartrate citrate",
    "maleate succinate mesylate besylate fumarate acetate sodium potassium calcium hemihydrate",
    "dihydrate monohydrate anhydrous base salt",
    # release forms
    "er xr sr cr xl la ir dr ec mr pr cd odt xt extended immediate controlled sustained delayed",
    "modified prolonged release released retard depot continus orally disintegrating",
    # dose forms and routes
    "tablet tablets tab tabs capsule capsules cap caps pill pills softgel softgels liquid",
    "solution syrup elixir suspension injection injectable infusion patch patches transdermal",
    "sublingual buccal film films oral spray nasal drops cream gel lozenge lozenges powder",
    "granules suppository suppositories oil juice generic brand dose doses",
    # strength units, in case they stand apart from their numbers
    "mg mcg ug g ml iu unit units percent",
)

_NUMBER = r"\d+(?:[.,]\d+)?"
_UNIT = r"(?:mg|mcg|ug|g|ml|iu|units?)(?:\s*/\s*(?:ml|h|hr|hour|dose|tab))?"
# A strength: a number, optionally a ratio ("10/325"), optionally a unit ("10 mg", "0.5mg/ml").
_STRENGTH = re.compile(rf"(?<![a-z0-9]){_NUMBER}(?:\s*/\s*{_NUMBER})*(?:\s*{_UNIT})?(?![a-z0-9])")
# A number that can only be a strength: with a unit, a ratio or a decimal point. A bare whole
# number may belong to the name ("Tylenol 3" is not "Tylenol"), so this one leaves it.
_MEASURED = re.compile(
    rf"(?<![a-z0-9])(?:{_NUMBER}(?:\s*/\s*{_NUMBER})+(?:\s*{_UNIT})?"
    rf"|{_NUMBER}\s*{_UNIT}|\d+[.,]\d+)(?![a-z0-9])"
)
_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORD = re.compile(r"[^a-z0-9/+&,.]+")
# A decimal mark sits between two digits ("0.1 mg", "0,5 mg"); any other point is punctuation.
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_STRAY_POINT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_SEPARATOR = re.compile(r"([/+&,])")
_SPACES = re.compile(r"\s+")
# Separators between the parts of a combination product ("oxycodone/paracetamol").
_PARTS = re.compile(r"\s*(?:[/+&,]|\band\b|\bwith\b|\bplus\b)\s*")


def fold(text: str) -> str:
    """Lower-case ``text``, remove accents and apostrophes, and keep only letters, digits,
    decimal points and the combination separators ``/ + & ,``, with single spaces between
    words. A decimal comma becomes a point, so "0,1 mg" is one strength, not two parts."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # NFKD turns the micro sign into Greek mu, which the filter below drops: "10 µg" -> "10 g".
    lowered = _APOSTROPHES.sub("", without_marks.casefold())
    decimals = _STRAY_POINT.sub(" ", _DECIMAL_COMMA.sub(".", _NOT_WORD.sub(" ", lowered)))
    spaced = _SEPARATOR.sub(r" \1 ", decimals)
    return _SPACES.sub(" ", spaced).strip()


def compact(text: str) -> str:
    """The comparison key of already-folded ``text``: letters and digits only."""
    return "".join(ch for ch in text if ch.isalnum())


def key(text: str) -> str:
    """The comparison key of raw ``text`` (folded, then compacted)."""
    return compact(fold(text))


def strip_forms(folded: str) -> str:
    """Remove strengths and salt or form words from folded text ("oxycodone hcl 10 mg er")."""
    without_strengths = _STRENGTH.sub(" ", folded)
    words = [w for w in without_strengths.split() if w not in FORM_WORDS and compact(w)]
    return " ".join(words)


def strip_strengths(folded: str) -> str:
    """Remove only what must be a strength, keeping every word ("ery tab 250 mg" -> "ery tab")."""
    return " ".join(_MEASURED.sub(" ", folded).split())


def strip_measures(folded: str) -> str:
    """Like :func:`strip_forms`, but keep bare whole numbers ("tylenol 3 300 mg" -> "tylenol 3")."""
    words = [w for w in strip_strengths(folded).split() if w not in FORM_WORDS and compact(w)]
    return " ".join(words)


def letters_and_digits(compacted: str) -> tuple[str, str]:
    """A key's letters and its digits, apart: a misspelling may change letters, never digits."""
    letters = "".join(ch for ch in compacted if not ch.isdigit())
    return letters, "".join(ch for ch in compacted if ch.isdigit())


def split_parts(folded: str) -> tuple[str, ...]:
    """The parts of a combination product, each stripped of forms; empty parts are dropped."""
    parts = (strip_forms(p) for p in _PARTS.split(_STRENGTH.sub(" ", folded)))
    return tuple(p for p in parts if p)
