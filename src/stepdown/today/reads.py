"""The values several of Today's panels need, each read at most once per render.

The person's one-per-person rows (goal, onboarding answers, reminder preferences) and the counts
of the clinic's cards come in one plain-SQL query: built with the ORM (three joins and three
annotations) it cost Today more to assemble than to run (docs/performance.md).
"""

from __future__ import annotations

import functools
from functools import cached_property
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from stepdown.accounts.models import User
from stepdown.clinic.today_cards import TodayCards, card_columns, today_cards
from stepdown.goals.history import JournalWindow, cached_journal_window
from stepdown.goals.models import Goal
from stepdown.journal import recent
from stepdown.journal.models import Dose
from stepdown.journal.selectors import TodaySummary
from stepdown.journal.summary_cache import cached_today_summary
from stepdown.plans.models import Plan
from stepdown.plans.selectors import current_plan
from stepdown.profile.models import Onboarding
from stepdown.reminders.models import ReminderPreference
from stepdown.reminders.selectors import default_preferences
from stepdown.web.raw_rows import columns_of, raw_models

# The person's rows of one per person: relation on ``User`` → its model.
ONE_PER_PERSON: dict[str, type[Any]] = {
    "goal": Goal,
    "onboarding": Onboarding,
    "reminder_preference": ReminderPreference,
}


@functools.cache
def _person_sql() -> str:
    person = User._meta.db_table
    selected = [f'"{person}"."id"']
    joins = []
    for relation, model in ONE_PER_PERSON.items():
        table = model._meta.db_table
        selected.append(columns_of(model, table=table, prefix=f"{relation}__"))
        joins.append(f'LEFT JOIN "{table}" ON "{table}"."owner_id" = "{person}"."id"')
    return (
        f'SELECT {", ".join(selected)}, {{cards}} FROM "{person}" {" ".join(joins)} '  # noqa: S608
        f'WHERE "{person}"."id" = %s'
    )


def _person(owner: User) -> User:
    """The person with their one-per-person rows and the clinic cards' counts. One query."""
    cards, params = card_columns(now=timezone.now())
    (found,) = raw_models(
        User, _person_sql().format(cards=cards), [*params, owner.pk], related=ONE_PER_PERSON
    )
    return found


class Reads:
    """The values several panels need, each read at most once per render (and only if needed)."""

    def __init__(self, owner: User) -> None:
        self.owner = owner

    @cached_property
    def summary(self) -> TodaySummary:
        return cached_today_summary(owner=self.owner)

    @cached_property
    def recent(self) -> list[Dose]:
        """The newest doses: the one-tap buttons and today's list both come from them."""
        return recent.recent_doses(owner=self.owner, until=self.summary.date)

    @cached_property
    def todays_doses(self) -> list[Dose] | None:
        """Every dose of today, when the newest doses reach back to the day's start."""
        return recent.day_doses_from(self.recent, owner=self.owner, day=self.summary.date)

    @cached_property
    def plan(self) -> Plan | None:
        return current_plan(owner=self.owner)

    @cached_property
    def _person(self) -> User:
        return _person(self.owner)

    @cached_property
    def clinic_cards(self) -> TodayCards:
        return today_cards(self._person)

    @cached_property
    def goal(self) -> Goal | None:
        found: Goal | None = _joined(self._person, "goal")
        return found

    @cached_property
    def onboarding(self) -> Onboarding | None:
        found: Onboarding | None = _joined(self._person, "onboarding")
        return found

    @cached_property
    def preferences(self) -> ReminderPreference:
        found: ReminderPreference | None = _joined(self._person, "reminder_preference")
        return found or default_preferences(owner=self.owner)

    @cached_property
    def window(self) -> JournalWindow:
        return cached_journal_window(owner=self.owner)


def _joined(person: User, name: str) -> Any:
    """A one-to-one row read with the person, or ``None`` when there is none."""
    try:
        return getattr(person, name)
    except ObjectDoesNotExist:
        return None
