"""What the goals pages read, loaded once per request.

The goals and risk pages and the nudges panel share one :class:`PageData` kept on the request,
so the journal window, the goal and the onboarding answers are each read once. (The Today page
gathers its own reads: ``stepdown.today.panels``.)
"""

from __future__ import annotations

from functools import cached_property

from django.http import HttpRequest

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.goals import selectors
from stepdown.goals.history import JournalWindow, cached_journal_window
from stepdown.goals.models import Goal
from stepdown.profile import selectors as profile_selectors
from stepdown.profile.models import Onboarding

_ATTRIBUTE = "_stepdown_goals_data"


class PageData:
    """Lazily loaded goals data for one person during one request."""

    def __init__(self, owner: User) -> None:
        self.owner = owner
        self.assets_sent = False

    @cached_property
    def onboarding(self) -> Onboarding | None:
        return profile_selectors.onboarding_for(owner=self.owner)

    @cached_property
    def goal(self) -> Goal | None:
        return selectors.goal_for(owner=self.owner)

    @cached_property
    def window(self) -> JournalWindow:
        return cached_journal_window(owner=self.owner)


def page_data(request: HttpRequest) -> PageData:
    user = request_owner(request)
    data = getattr(request, _ATTRIBUTE, None)
    if not isinstance(data, PageData) or data.owner.pk != user.pk:
        data = PageData(user)
        setattr(request, _ATTRIBUTE, data)
    return data
