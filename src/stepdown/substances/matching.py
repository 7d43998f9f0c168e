"""Whether a logged use is the opioid a person in recovery is moving away from.

The onboarding answer ("Oxy", "percocet 10", "heroin") and the logged name are both read with
the interaction checker, so brand, street and misspelt names of the same drug match. An opioid
logged without a name may be the original substance and counts; a named drug counts only when
it is the same drug, so a prescribed buprenorphine does not end the "days free" of heroin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from stepdown.core.interactions import SUBSTANCES, resolve


class LoggedUse(Protocol):
    """The fields of a logged use that matching reads."""

    category: str
    name: str
    resolved_name: str


@dataclass(frozen=True)
class OriginalKey:
    """The original substance as typed (folded) and as the checker resolved it ("" if not)."""

    typed: str
    resolved: str


def resolved_name(name: str) -> str:
    """The checker's generic name for ``name``, or "" when there is none (or no name).

    For a combination product this is its opioid ingredients when it has any ("Percocet" is
    oxycodone, "Suboxone" buprenorphine): the name is what recovery matching compares, and the
    opioid is the substance a person moves away from.
    """
    if not name.strip():
        return ""
    resolution = resolve(name)
    if resolution is None:
        return ""
    opioids = [s for s in resolution.substances if "opioids" in SUBSTANCES[s].classes]
    return " + ".join(opioids) if opioids else resolution.name


def original_key(original_substance: str) -> OriginalKey:
    typed = " ".join(original_substance.split())
    return OriginalKey(typed=typed, resolved=resolved_name(typed))


def matches_original(use: LoggedUse, original_substance: str) -> bool:
    """Whether ``use`` is a use of ``original_substance`` (the rule the selectors query)."""
    if not use.name.strip():
        return use.category == "opioids"
    key = original_key(original_substance)
    if key.resolved and use.resolved_name.casefold() == key.resolved.casefold():
        return True
    return bool(key.typed) and use.name.strip().casefold() == key.typed.casefold()
