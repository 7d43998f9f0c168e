"""``{% load reminders %}{% upcoming_reminders %}``: tomorrow's new step, on Today."""

from __future__ import annotations

from typing import Any

from django import template

from stepdown.accounts.models import User
from stepdown.reminders.selectors import upcoming_step

register = template.Library()


@register.inclusion_tag("reminders/_upcoming.html", takes_context=True)
def upcoming_reminders(context: template.Context) -> dict[str, Any]:
    """The day-before-step reminder for the signed-in person (nothing for anyone else)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {"step": None}
    return {"step": upcoming_step(owner=user)}
