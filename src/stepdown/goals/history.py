"""The slice of a person's journal that milestones, the goals page and the risk page read.

(The rules read theirs through ``stepdown.alerts.context``.) Two queries through the journal's
selectors, whatever the length of the history: the doses of the last ``WINDOW_DAYS`` local days
(only their time and grams) and those of the journal's first week (``doses_of_first_days``,
which also gives the day the journal began). Doses are
turned into the rule engine's :class:`~stepdown.core.rules.DoseEvent` in the person's zone, so a
dose at 23:30 local counts for that local day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import Sum
from django.utils import timezone

from stepdown.accounts import clock
from stepdown.accounts.models import User
from stepdown.core.potency import ProductForm
from stepdown.core.rules import DayTotal, DoseEvent, day_totals, dose_in_zone
from stepdown.journal import selectors as journal
from stepdown.web.cache_keys import revision_key
from stepdown.web.revision_cache import remembered

# The 90 days the Today chart and the milestones look back over (the same span as the tolerance
# signals in ``alerts.context``).
WINDOW_DAYS = 90
FIRST_WEEK_DAYS = 7


@dataclass(frozen=True)
class JournalWindow:
    """The doses of the last ``WINDOW_DAYS`` days up to ``today`` (local), oldest first.

    The day totals are summed once, when the window is read, and travel with it through the
    cache: each render would otherwise sum some 400 doses again."""

    today: dt.date
    doses: tuple[DoseEvent, ...]
    forms: tuple[tuple[dt.date, str], ...]
    journal_start: dt.date | None
    # The doses of the journal's first week (its first 7 local days), the milestones' baseline.
    first_week: tuple[DoseEvent, ...] = ()
    day_totals: tuple[DayTotal, ...] = ()
    first_week_totals: tuple[DayTotal, ...] = ()

    @classmethod
    def of(
        cls,
        *,
        today: dt.date,
        doses: tuple[DoseEvent, ...],
        forms: tuple[tuple[dt.date, str], ...],
        first_week: tuple[DoseEvent, ...],
    ) -> JournalWindow:
        start = first_week[0].local_date if first_week else None
        return cls(
            today=today,
            doses=doses,
            forms=forms,
            journal_start=start,
            first_week=first_week,
            day_totals=day_totals(doses),
            first_week_totals=_first_week_totals(start, first_week),
        )

    def first_week_days(self) -> tuple[DayTotal, ...]:
        """One total per day of the journal's first 7 local days (empty without a journal)."""
        return self.first_week_totals

    @property
    def first_day(self) -> dt.date:
        return self.today - dt.timedelta(days=WINDOW_DAYS - 1)

    @cached_property
    def totals(self) -> dict[dt.date, DayTotal]:
        return {total.day: total for total in self.day_totals}

    def day(self, day: dt.date) -> DayTotal:
        """The day's total; a day without doses is zero."""
        return self.totals.get(day) or DayTotal(day=day, total_g=Decimal(0), dose_count=0)

    def days(self, start: dt.date, end: dt.date) -> tuple[DayTotal, ...]:
        """One total per day from ``start`` to ``end`` inclusive, zeros included."""
        count = (end - start).days + 1
        return tuple(self.day(start + dt.timedelta(days=n)) for n in range(max(count, 0)))

    def doses_between(self, start: dt.date, end: dt.date) -> tuple[DoseEvent, ...]:
        return tuple(dose for dose in self.doses if start <= dose.local_date <= end)

    def forms_between(self, start: dt.date, end: dt.date) -> frozenset[ProductForm]:
        return frozenset(ProductForm(form) for day, form in self.forms if start <= day <= end)


def journal_window(*, owner: User, now: dt.datetime | None = None) -> JournalWindow:
    """The person's last ``WINDOW_DAYS`` local days of doses, with the product form of each."""
    today = clock.local_today(owner, now=now)
    since = today - dt.timedelta(days=WINDOW_DAYS - 1)
    rows = (
        journal.doses_for(owner=owner, since=since, until=today)
        .order_by("taken_at")
        .values_list("taken_at", "grams", "product__form")
    )
    doses = []
    forms = []
    for taken_at, grams, form in rows:
        # A liquid measured in ml without a known density has no grams; it is still a dose.
        event = dose_in_zone(taken_at=taken_at, time_zone=owner.zone, dose_g=grams or Decimal(0))
        doses.append(event)
        if form:
            forms.append((event.local_date, form))
    # The journal's beginning and its first 7 local days, the milestones' baseline: one query.
    early = [
        dose_in_zone(taken_at=taken_at, time_zone=owner.zone, dose_g=grams or Decimal(0))
        for taken_at, grams in journal.doses_of_first_days(
            owner=owner, days=FIRST_WEEK_DAYS
        ).values_list("taken_at", "grams")
    ]
    start = early[0].local_date if early else None
    first_week = tuple(
        dose
        for dose in early
        if start is not None and dose.local_date < start + dt.timedelta(days=FIRST_WEEK_DAYS)
    )
    return JournalWindow.of(
        today=today, doses=tuple(doses), forms=tuple(forms), first_week=first_week
    )


def _first_week_totals(
    start: dt.date | None, first_week: tuple[DoseEvent, ...]
) -> tuple[DayTotal, ...]:
    """One total per day of the journal's first 7 local days, zeros included."""
    if start is None:
        return ()
    totals = {total.day: total for total in day_totals(first_week)}
    days = (start + dt.timedelta(days=n) for n in range(FIRST_WEEK_DAYS))
    return tuple(
        totals.get(day) or DayTotal(day=day, total_g=Decimal(0), dose_count=0) for day in days
    )


WINDOW_CACHE_S = 600


def cached_journal_window(*, owner: User) -> JournalWindow:
    """:func:`journal_window`, reused until the journal changes or the local day turns.

    Keyed like the Today summary: the person's ``data_revision`` is bumped by every journal
    write (doses and products), so a cached window is never older than the last write.
    """
    key = revision_key("journal-window", owner, clock.local_today(owner))
    return remembered(key, lambda: journal_window(owner=owner), timeout_s=WINDOW_CACHE_S)


def grams_between(*, owner: User, start: dt.date, end: dt.date) -> Decimal:
    """Total grams logged from ``start`` to ``end`` (local dates, inclusive): one aggregate."""
    if end < start:
        return Decimal(0)
    total = journal.doses_for(owner=owner, since=start, until=end).aggregate(g=Sum("grams"))["g"]
    return total or Decimal(0)


def local_date(owner: User, moment: dt.datetime | None) -> dt.date | None:
    return None if moment is None else timezone.localtime(moment, owner.zone).date()
