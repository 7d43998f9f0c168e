"""``{% load checkins %}{% due_now %}``: what is due now, one tap to start each."""

from __future__ import annotations

from typing import Any

from django import template

from stepdown.accounts.models import User
from stepdown.checkins.selectors import due_now as due_now_selector

register = template.Library()


@register.inclusion_tag("checkins/_due.html", takes_context=True)
def due_now(context: template.Context) -> dict[str, Any]:
    """The due list for the signed-in person (nothing for anyone else)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {"items": [], "show": False}
    items = [item for item in due_now_selector(owner=user) if item.shown]
    return {"items": items, "show": True}
