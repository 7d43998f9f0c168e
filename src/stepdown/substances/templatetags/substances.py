"""``{% load substances %}``: ``{% interaction_summary %}`` for the risk page and
``{% recent_substance_warning %}`` for the Today page. Each is one line in another app's
template and renders nothing for anyone not signed in."""

from __future__ import annotations

from typing import Any

from django import template

from stepdown.accounts.models import User
from stepdown.alerts import selectors as notices
from stepdown.core.interactions import Severity
from stepdown.substances import selectors
from stepdown.substances.page_data import medicine_rows

register = template.Library()

SUMMARY_SEVERITIES = frozenset({Severity.HIGH, Severity.MODERATE})


def _user(context: template.Context) -> User | None:
    request = context.get("request")
    user = getattr(request, "user", None)
    return user if isinstance(user, User) else None


@register.inclusion_tag("substances/tags/interaction_summary.html", takes_context=True)
def interaction_summary(context: template.Context) -> dict[str, Any]:
    """The medicines with a high or moderate interaction, worst first, in a compact list."""
    owner = _user(context)
    if owner is None:
        return {"show": False}
    rows = medicine_rows(selectors.medicine_reports(owner=owner))
    flagged = [row for row in rows if row.severity in SUMMARY_SEVERITIES]
    flagged.sort(key=lambda row: row.severity.rank if row.severity else 9)
    return {
        "show": True,
        "count": len(rows),
        "flagged": flagged,
        "unknown": [row.name for row in rows if row.unknown],
    }


def recent_warning_context(owner: User, *, assets: bool = True) -> dict[str, Any]:
    """Recent kratom + substance pairs within 24 h (a read: the alert of a high one was
    recorded when the use or the dose was logged)."""
    return {"show": True, "items": notices.co_use_warning(owner=owner), "assets": assets}


@register.inclusion_tag("substances/tags/recent_warning.html", takes_context=True)
def recent_substance_warning(context: template.Context) -> dict[str, Any]:
    owner = _user(context)
    if owner is None:
        return {"show": False}
    return recent_warning_context(owner)
