"""``{% alert_bell %}``: the header's bell, on every signed-in page.

It adds no query: it reads the person's cached alert summary (see ``summary``), and when that is
not cached (right after a change) it renders a placeholder that htmx fills from a small endpoint.
"""

from __future__ import annotations

from typing import Any

from django import template

from stepdown.accounts.models import User
from stepdown.alerts.summary import cached_summary

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
