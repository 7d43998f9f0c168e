"""The one useful link each alert offers on a page."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from stepdown.alerts.models import Alert


@dataclass(frozen=True)
class ActionLink:
    label: str
    url: str


def _url(name: str, fallback: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:  # an app that is not installed in this deployment
        return fallback


def action_link(alert: Alert) -> ActionLink:
    """Where the alert's one useful action happens."""
    code, cause = alert.code, alert.cause_key
    if code in ("self_harm", "medical_warning"):
        return ActionLink(_("Get help now"), reverse("web:help"))
    if code in ("severe_withdrawal", "worse_after_cut", "over_target"):
        suggestion = getattr(alert, "suggestion", None)
        if suggestion is not None and suggestion.is_pending:
            return ActionLink(
                _("See the suggestion on your plan"), reverse("plans:page") + "#suggestions"
            )
        return ActionLink(_("Open your plan"), reverse("plans:page"))
    if code == "missed_checkins":
        return ActionLink(_("Do today's check-in"), reverse("checkins:checkin_home"))
    if code in ("potency_jump", "seven_oh_product", "failed_contaminant"):
        return ActionLink(_("Your products"), reverse("journal:product_list"))
    if code == "interaction":
        if cause.startswith("medicine:"):
            return ActionLink(_("Your medicines"), _url("substances:medicines", alert.learn_url))
        return ActionLink(_("Other substances"), _url("substances:home", alert.learn_url))
    if code == "escalation":
        return ActionLink(_("Your goals and limits"), reverse("goals:goals"))
    return ActionLink(_("Learn more"), alert.learn_url)
