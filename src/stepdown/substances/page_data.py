"""What the pages show, worked out from selectors and the checker (no queries per row)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from stepdown.accounts.clock import local_today
from stepdown.accounts.models import User
from stepdown.core.interactions import Interaction, MatchKind, Report, Severity
from stepdown.profile.selectors import recovery_for
from stepdown.substances import selectors
from stepdown.substances.models import SubstanceUse
from stepdown.substances.warnings import substance_interactions

# How a name was recognised, in the core's words (``MatchedAs``), for the catalogue: the page
# translates ``match_label`` where it shows it (only for a name recognised, not guessed).
MATCH_WORDS = (
    gettext_noop("exact"),
    gettext_noop("brand"),
    gettext_noop("other name"),
    gettext_noop("class name"),
    gettext_noop("partial"),
)


# The knowledge base's interaction names (core/interactions), for the catalogue; the pages
# translate them where they show them (their longer text is not translated yet: docs/i18n.md).
INTERACTION_LABELS = (
    gettext_noop("Opioid antagonists (naltrexone, naloxone, nalmefene, samidorphan)"),
    gettext_noop("Peripheral opioid antagonists for constipation"),
    gettext_noop("Modafinil and armodafinil"),
    gettext_noop("Stimulants"),
    gettext_noop("Serotonergic medicines (SSRIs, SNRIs and others)"),
    gettext_noop("MAO inhibitors"),
    gettext_noop("Medicines cleared or activated by CYP2D6"),
    gettext_noop("Strong CYP3A inhibitors (and grapefruit)"),
    gettext_noop("Strong CYP3A inducers"),
    gettext_noop("P-gp substrates (e.g. loperamide, digoxin)"),
    gettext_noop("CYP3A-cleared medicines with a narrow safety margin"),
    gettext_noop("Medicines that can lengthen the QT interval (heart rhythm)"),
    gettext_noop("Acetaminophen (paracetamol) and the liver"),
    gettext_noop("Opioids"),
    gettext_noop('O-desmethyltramadol ("Krypton")'),
    gettext_noop("Benzodiazepines"),
    gettext_noop("Alcohol"),
    gettext_noop("Gabapentinoids (gabapentin, pregabalin)"),
    gettext_noop("Quetiapine and other CYP3A-cleared antipsychotics"),
    gettext_noop("CYP3A-cleared sleep medicines"),
    gettext_noop("Other sedating medicines"),
    gettext_noop("Sedating antihistamines (e.g. diphenhydramine)"),
    gettext_noop("Cannabis (THC)"),
    gettext_noop("Cannabidiol (CBD)"),
)


@dataclass(frozen=True)
class MedicineRow:
    """One medicine on the page: what it was recognised as and its interactions."""

    name: str
    resolved: str | None
    fuzzy: bool
    unrecognised: tuple[str, ...]
    interactions: tuple[Interaction, ...]
    severity: Severity | None
    added: bool
    match_label: str = ""
    suggestion: str | None = None

    @property
    def unknown(self) -> bool:
        return self.resolved is None

    @property
    def renamed(self) -> bool:
        """Whether it was recognised under another name (a brand, a spelling)."""
        return self.resolved is not None and self.resolved.casefold() != self.name.casefold()


def _order(row: MedicineRow) -> tuple[bool, bool, int]:
    # The medicine just added first, so its warnings show at once; then the worst first; a
    # close spelling waiting for a yes counts as nothing yet.
    rank = 3 if row.severity is None or row.fuzzy else row.severity.rank
    return (not row.added, row.fuzzy, rank)


def medicine_rows(reports: tuple[Report, ...], *, added: str = "") -> list[MedicineRow]:
    """Rows with the medicine just added first, then by severity (high first), then by name."""
    rows = []
    for report in reports:
        resolution = report.resolution
        rows.append(
            MedicineRow(
                name=report.name,
                resolved=None if resolution is None else resolution.name,
                fuzzy=resolution is not None and resolution.match is MatchKind.FUZZY,
                unrecognised=() if resolution is None else resolution.unrecognised,
                interactions=report.interactions,
                severity=report.highest_severity,
                added=bool(added) and report.name == added,
                match_label="" if resolution is None else resolution.match_label,
                suggestion=None if resolution is None else resolution.suggestion,
            )
        )
    return sorted(rows, key=_order)  # stable: equal rows stay alphabetical


@dataclass(frozen=True)
class UseRow:
    use: SubstanceUse
    severity: Severity | None
    original: bool


def use_rows(owner: User, uses: list[SubstanceUse]) -> list[UseRow]:
    original = selectors.is_original(owner=owner, uses=uses)
    rows = []
    for use in uses:
        interactions = substance_interactions(use.category, use.name)
        rows.append(
            UseRow(
                use=use,
                severity=interactions[0].severity if interactions else None,
                original=use.pk in original,
            )
        )
    return rows


@dataclass(frozen=True)
class RecoveryView:
    """For ``opioid_recovery``: the original substance and the days since it was last used."""

    substance: str
    last_use: dt.date | None
    days_free: int | None


def recovery_context(owner: User) -> RecoveryView | None:
    recovery = recovery_for(owner=owner)
    if recovery is None:
        return None
    last = selectors.last_use_of_original(owner=owner)
    days = None if last is None else max((local_today(owner) - last).days, 0)
    return RecoveryView(
        substance=recovery.original_substance or "the opioid you are moving away from",
        last_use=last,
        days_free=days,
    )


SUMMARY_SEVERITIES = frozenset({Severity.HIGH, Severity.MODERATE})


def interaction_summary(*, owner: User) -> dict[str, object]:
    """The risk page's block: medicines with a high or moderate interaction, worst first."""
    rows = medicine_rows(selectors.medicine_reports(owner=owner))
    flagged = [row for row in rows if row.severity in SUMMARY_SEVERITIES]
    flagged.sort(key=lambda row: row.severity.rank if row.severity else 9)
    return {
        "show": True,
        "count": len(rows),
        "flagged": flagged,
        "unknown": [row.name for row in rows if row.unknown],
    }
