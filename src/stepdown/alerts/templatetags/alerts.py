"""``{% alert_bell %}`` (the header's bell) and ``{% plan_suggestions plan %}`` (the plan page).

Each is one line in another app's template. The bell is on every page, so it adds no query in
the usual case: it reads the person's cached alert summary (see ``summary``), and when that is
not cached (right after a change) it renders a placeholder that htmx fills from a small endpoint.
The plan page's content is itself cached per revision (``stepdown.web.fragments``), so its
suggestions are worked out when it is rendered: the summary (two indexed queries, then cached)
and, when suggestions do wait on the plan, one query for them with their alerts.
"""

from __future__ import annotations

from typing import Any

from django import template

from stepdown.accounts.models import User
from stepdown.alerts import selectors
from stepdown.alerts.suggesting import suggestion_card
from stepdown.alerts.summary import alert_summary, cached_summary
from stepdown.plans.models import Plan

register = template.Library()


def _person(context: template.Context) -> User | None:
    request = context.get("request")
    user = getattr(request, "user", None)
    return user if isinstance(user, User) and user.is_authenticated else None


@register.inclusion_tag("alerts/tags/bell.html", takes_context=True)
def alert_bell(context: template.Context) -> dict[str, Any]:
    """A bell linking to ``/alerts/`` with the number of new alerts; nothing when signed out."""
    owner = _person(context)
    if owner is None:
        return {"show": False}
    summary = cached_summary(owner=owner)
    if summary is None:
        return {"show": True, "lazy": True}
    return {"show": True, "bell_count": summary.open_count}


def suggestions_context(*, owner: User, plan: Plan, csrf_token: object = None) -> dict[str, Any]:
    pending = selectors.pending_for_plan(owner=owner, plan=plan)
    found: dict[str, Any] = {
        "cards": [suggestion_card(owner=owner, suggestion=item, plan=plan) for item in pending]
    }
    if csrf_token is not None:  # a view's own render brings the token itself
        found["csrf_token"] = csrf_token
    return found


@register.inclusion_tag("alerts/tags/suggestions.html", takes_context=True)
def plan_suggestions(context: template.Context, plan: Plan | None) -> dict[str, Any]:
    """The plan's pending suggestions, each with Accept and Decline (nothing changes until the
    person accepts)."""
    owner = _person(context)
    if owner is None or plan is None or not plan.is_active:
        return {"cards": []}
    summary = cached_summary(owner=owner) or alert_summary(owner=owner)
    if plan.pk not in summary.pending_plan_ids:
        return {"cards": []}
    return suggestions_context(owner=owner, plan=plan, csrf_token=context.get("csrf_token"))
