"""Warnings when kratom and an interacting substance are taken within 24 hours of each other.

A logged use is checked by its category and, when given, its name ("other" named "quetiapine"
is checked as quetiapine). A warning is raised for a ``high`` or ``moderate`` interaction when a
kratom dose from the journal falls within :data:`KRATOM_WINDOW` of the use, before or after it.
Only ``high`` ones become ``interaction`` alerts (the core rule decides).

References:
    The 24-hour window is docs/interactions.md's ("kratom taken in the last 24 h"). It is an
    assumption, kept generous on purpose: mitragynine's half-life in chronic users is about a
    day (23 ± 16 h, Trakulsrichai2015), so a dose from the evening before is still active.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import get_language, gettext, gettext_noop

from stepdown.core.interactions import (
    Interaction,
    Report,
    Severity,
    check_substance_category,
    interactions_for_classes,
    resolve,
    shares_effect,
)
from stepdown.core.interactions.wording import in_language
from stepdown.core.rules import (
    Alert,
    InteractionFinding,
    InteractionKind,
    InteractionSeverity,
    interaction,
)

KRATOM_WINDOW = dt.timedelta(hours=24)
# A use without a name is called by its category in a sentence (``SubstanceUse.label``); these
# are those words for the catalogue, translated where a page shows them.
CATEGORY_WORDS = (
    gettext_noop("alcohol"),
    gettext_noop("opioids"),
    gettext_noop("benzodiazepines"),
    gettext_noop("stimulants"),
    gettext_noop("cannabis"),
    gettext_noop("other"),
)
WARN_SEVERITIES = frozenset({Severity.HIGH, Severity.MODERATE})


def substance_interactions(category: str, name: str = "") -> tuple[Interaction, ...]:
    """The interactions of a logged use: its category's and its named drug's, worst first.

    A name recognised only by a close spelling adds nothing: a guess does not count.
    """
    classes = list(check_substance_category(category).classes)
    if name.strip():
        resolution = resolve(name)
        if resolution is not None and not resolution.needs_confirmation:
            classes += resolution.classes
    return interactions_for_classes(classes)


def worsening_medicines(
    interactions: Sequence[Interaction], medicines: Iterable[Report]
) -> tuple[str, ...]:
    """The person's medicines (as listed) that add to the same harm as the substance."""
    codes = [i.class_code for i in interactions]
    return tuple(
        report.name
        for report in medicines
        if report.resolution is not None
        and not report.resolution.needs_confirmation
        and shares_effect(codes, report.resolution.classes)
    )


@dataclass(frozen=True)
class CoUseWarning:
    """A use of ``label`` and a kratom dose ``hours_apart`` hours apart, and what to know."""

    label: str
    taken_at: dt.datetime
    kratom_taken_at: dt.datetime
    interactions: tuple[Interaction, ...]
    medicines: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The warning in one paragraph (for a flash message)."""
        text = f"Kratom and {self.label} within 24 hours: {self.interactions[0].advice}"
        if self.medicines:
            text += f" Your medicines add to this: {', '.join(self.medicines)}."
        return text

    @property
    def shown_message(self) -> str:
        """``message`` in the reader's language, for a page's flash message."""
        text = gettext("Kratom and %(substance)s within 24 hours: %(advice)s") % {
            "substance": gettext(self.label),
            "advice": in_language(self.interactions[0], get_language() or "en").advice,
        }
        if self.medicines:
            text += " " + gettext("Your medicines add to this: %(names)s.") % {
                "names": ", ".join(self.medicines)
            }
        return text

    @property
    def kratom_after(self) -> bool:
        """Whether the kratom dose came after the substance (the Today page's case)."""
        return self.kratom_taken_at > self.taken_at

    @property
    def hours_apart(self) -> float:
        return abs((self.kratom_taken_at - self.taken_at).total_seconds()) / 3600

    @property
    def severity(self) -> Severity:
        return min((i.severity for i in self.interactions), key=lambda s: s.rank)


def nearest_within_window(
    taken_at: dt.datetime, kratom_times: Iterable[dt.datetime]
) -> dt.datetime | None:
    """The kratom dose closest to ``taken_at`` within the window either side, if any."""
    near = [t for t in kratom_times if abs(t - taken_at) <= KRATOM_WINDOW]
    return min(near, key=lambda t: abs(t - taken_at)) if near else None


def co_use_warning(
    *,
    label: str,
    category: str,
    name: str,
    taken_at: dt.datetime,
    kratom_times: Sequence[dt.datetime],
    medicines: Iterable[Report] = (),
) -> CoUseWarning | None:
    """The warning for one use, or ``None`` without a nearby kratom dose or a worrying match.

    ``medicines`` are the person's checked medicines: those that add to the same harm (a
    sedating medicine with alcohol) are named in the warning.
    """
    interactions = tuple(
        i for i in substance_interactions(category, name) if i.severity in WARN_SEVERITIES
    )
    if not interactions:
        return None
    nearest = nearest_within_window(taken_at, kratom_times)
    if nearest is None:
        return None
    return CoUseWarning(
        label=label,
        taken_at=taken_at,
        kratom_taken_at=nearest,
        interactions=interactions,
        medicines=worsening_medicines(interactions, medicines),
    )


def co_use_alerts(warning: CoUseWarning, *, day: dt.date) -> tuple[Alert, ...]:
    """The high-severity ``interaction`` alert for ``warning`` (none for moderate ones).

    ``day`` is the local day of the use: the core rule's cause key is the substance and the
    day, so logging the same thing twice on one day makes one alert.
    """
    high = [i for i in warning.interactions if i.severity is Severity.HIGH]
    if not high:
        return ()
    finding = InteractionFinding(
        subject=warning.label,
        kind=InteractionKind.SUBSTANCE,
        severity=InteractionSeverity.HIGH,
        advice=high[0].advice,
        sources=high[0].sources,
        day=day,
    )
    return interaction(findings=[finding])


def medicine_alerts(
    names_and_interactions: Iterable[tuple[str, Sequence[Interaction]]],
) -> tuple[Alert, ...]:
    """``interaction`` alerts for medicines with a high-severity interaction (one per medicine)."""
    findings = []
    for name, interactions in names_and_interactions:
        high = [i for i in interactions if i.severity is Severity.HIGH]
        if high:
            findings.append(
                InteractionFinding(
                    subject=name,
                    kind=InteractionKind.MEDICINE,
                    severity=InteractionSeverity.HIGH,
                    advice=high[0].advice,
                    sources=high[0].sources,
                )
            )
    return interaction(findings=findings)
