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
