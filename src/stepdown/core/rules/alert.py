"""The alert value every rule returns, the plan adjustment it may suggest, and deduplication.

An alert names *what* happened (``code``), *what it concerns* (``cause_key``: the day, the plan
step, the product...) and says, kindly, why it matters and one useful thing to do. Deduplication
keeps one open alert per ``(code, cause_key)``; a rule that must be able to escalate (a hold
suggestion that later becomes "go back a step") puts the escalation level into ``cause_key`` so
the stronger alert is not swallowed by the milder one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from stepdown.core.rules.learn import LearnSlug
from stepdown.core.says import Says


class Severity(StrEnum):
    """How urgently an alert needs attention, most urgent first."""

    CRITICAL = "critical"
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for ``critical`` up to 4 for ``info``; sort ascending to list the urgent first."""
        return list(Severity).index(self)


class SuggestionKind(StrEnum):
    """Plan adjustments a rule may propose; the taper planner's ``hold``/``reinstate``/``slow``."""

    HOLD = "hold"
    REINSTATE = "reinstate"
    SLOW = "slow"


@dataclass(frozen=True)
class Suggestion:
    """A plan adjustment the person may accept or decline; nothing changes without their yes.

    ``days``: for ``hold``, how many days to extend the current step; for ``slow``, how many days
    to add to each remaining step's interval; ``None`` for ``reinstate`` (the planner goes back
    to the previous step's dose for one interval).
    """

    kind: SuggestionKind
    days: int | None = None

    def __post_init__(self) -> None:
        if self.kind is SuggestionKind.REINSTATE:
            if self.days is not None:
                raise ValueError("a reinstate suggestion takes no days")
        elif self.days is None or self.days < 1:
            raise ValueError(f"a {self.kind} suggestion needs a number of days of at least 1")


@dataclass(frozen=True)
class Wording:
    """A notice's title, explanation (sentences joined by a space) and action as messages."""

    title: Says
    explanation: tuple[Says, ...]
    action: Says

    @property
    def explanation_text(self) -> str:
        return " ".join(part.text for part in self.explanation)

    @property
    def messages(self) -> tuple[str, ...]:
        """Every fixed message the notice is worded with (both forms of a plural)."""
        return (
            *self.title.forms,
            *(form for part in self.explanation for form in part.forms),
            *self.action.forms,
        )


@dataclass(frozen=True)
class Alert:
    """One kind, plain message with one useful action.

    ``source`` is an ID in ``docs/clinical-sources.md``; ``learn_slug`` names the Learn page that
    explains the topic; ``suggestion`` is set only by rules that propose a plan adjustment.
    ``wording`` keeps the same words as messages and values (see :mod:`stepdown.core.says`), so
    a page can word them in the reader's language; every rule sets it (through :func:`notice`).
    """

    code: str
    severity: Severity
    title: str
    explanation: str
    action: str
    source: str
    cause_key: str
    learn_slug: LearnSlug
    suggestion: Suggestion | None = None
    wording: Wording | None = None

    @property
    def key(self) -> tuple[str, str]:
        """What deduplication compares: one open alert per code and cause."""
        return (self.code, self.cause_key)


def notice(
    *,
    code: str,
    severity: Severity,
    title: Says,
    explanation: Says | tuple[Says, ...],
    action: Says,
    source: str,
    cause_key: str,
    learn_slug: LearnSlug,
    suggestion: Suggestion | None = None,
) -> Alert:
    """An :class:`Alert` whose English text is built from its messages, so the two always agree."""
    parts = explanation if isinstance(explanation, tuple) else (explanation,)
    wording = Wording(title=title, explanation=parts, action=action)
    return Alert(
        code=code,
        severity=severity,
        title=title.text,
        explanation=wording.explanation_text,
        action=action.text,
        source=source,
        cause_key=cause_key,
        learn_slug=learn_slug,
        suggestion=suggestion,
        wording=wording,
    )


class HasAlertKey(Protocol):
    """Anything with ``code`` and ``cause_key`` (an :class:`Alert`, or a stored alert row)."""

    @property
    def code(self) -> str: ...

    @property
    def cause_key(self) -> str: ...


def deduplicate(existing_open: Iterable[HasAlertKey], new: Iterable[Alert]) -> tuple[Alert, ...]:
    """The alerts in ``new`` that are not already open, one per ``(code, cause_key)``.

    When ``new`` holds the same key twice, the more severe one is kept (the first on a tie). The
    result keeps the order in which the kept alerts first appeared in ``new``.
    """
    open_keys = {(item.code, item.cause_key) for item in existing_open}
    chosen: dict[tuple[str, str], Alert] = {}
    for alert in new:
        if alert.key in open_keys:
            continue
        kept = chosen.get(alert.key)
        if kept is None or alert.severity.rank < kept.severity.rank:
            chosen[alert.key] = alert
    return tuple(chosen.values())


def by_severity(alerts: Iterable[Alert]) -> tuple[Alert, ...]:
    """Alerts with the most urgent first (stable for equal severity)."""
    return tuple(sorted(alerts, key=lambda alert: alert.severity.rank))
