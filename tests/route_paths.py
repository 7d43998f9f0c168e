"""Every named page route, and a path to it filled with a persona's own rows: shared by the
sweeps that request every page (tests/web/test_no_writes_on_get.py, and the accessibility sweep
tests/browser/test_accessibility.py), so a new route is in both without a second list."""

from __future__ import annotations

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

# Django's own admin (staff only) is not ours to police.
SKIPPED_NAMESPACES = {"admin"}

# Path arguments: a row of the persona's own, by model (the newest), or a fixed value.
ROWS = {
    "dose_id": "journal.Dose",
    "product_id": "journal.Product",
    "plan_id": "plans.Plan",
    "response_id": "checkins.Response",
    "nudge_id": "alerts.Alert",
    "contact_id": "learn.SupportContact",
    "reason_id": "learn.ReasonToChange",
    "urge_id": "learn.UrgeLog",
    "session_id": "skin.PhotoSession",
    "alert_id": "alerts.Alert",
    "suggestion_id": "alerts.SuggestedAdjustment",
    "use_id": "substances.SubstanceUse",
    "token_id": "accounts.PersonalAccessToken",
    "consent_id": "clinic.Consent",
    "proposal_id": "clinic.PlanProposal",
}
FIXED = {
    "step": "reason",
    "slug": "tolerance",
    "code": "daily",
    "role": "exposed",
    "variant": "thumb",
    "name": "sertraline",
    "token": "not-a-token",
    "uidb64": "MQ",
}
# Query strings that make a page show (and once, record) more than its bare form.
QUERIES = {"checkins:crisis": "?response={response_id}"}


def named_routes() -> list[tuple[str, str, list[str]]]:
    """(name, route, argument names) of every named pattern outside the skipped namespaces."""
    found: list[tuple[str, str, list[str]]] = []

    def walk(resolver: URLResolver, prefix: str, namespace: str | None) -> None:
        for item in resolver.url_patterns:
            if isinstance(item, URLResolver):
                if item.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = item.namespace or namespace
                walk(item, prefix + str(item.pattern), inner)
            elif isinstance(item, URLPattern) and item.name:
                name = f"{namespace}:{item.name}" if namespace else item.name
                found.append((name, prefix + str(item.pattern), list(item.pattern.converters)))

    walk(get_resolver(), "", None)
    return found


def argument(owner: object | None, name: str) -> str:
    """The value of path argument ``name`` for ``owner`` (a User, or None when signed out);
    "0" when the persona has no such row (the page then answers 404)."""
    if name in ("clinic_id", "member_id"):
        membership = apps.get_model("clinic.Membership").objects.filter(user=owner).first()
        return str(getattr(membership, "clinic_id" if name == "clinic_id" else "pk", 0))
    if name == "invitation_id":
        return "0"
    # A clinician's patient (FHIR's Patient/{id} too): someone a consent of their clinic covers.
    if name in ("person_id", "id"):
        consents = apps.get_model("clinic.Consent").objects
        consent = consents.filter(clinic__memberships__user=owner).first() if owner else None
        return str(consent.owner_id if consent else getattr(owner, "pk", 0))
    if name == "photo_id":
        model = apps.get_model("skin.Photo")
        row = model.objects.filter(session__owner=owner).order_by("-pk").first()
        return str(row.pk if row else 0)
    if name in ROWS:
        model = apps.get_model(ROWS[name])
        row = model.objects.filter(owner=owner).order_by("-pk").first() if owner else None
        return str(row.pk if row else 0)
    return FIXED[name]


def path_for(name: str, route: str, names: list[str], owner: object | None, **fixed: str) -> str:
    """The path of route ``name`` for ``owner``; ``fixed`` overrides an argument's value."""
    path = route
    for arg in names:
        start = path.index("<")
        value = fixed[arg] if arg in fixed else argument(owner, arg)
        path = path[:start] + value + path[path.index(">", start) + 1 :]
    query = QUERIES.get(name, "").format(response_id=argument(owner, "response_id"))
    return "/" + path.lstrip("^").rstrip("$") + query
