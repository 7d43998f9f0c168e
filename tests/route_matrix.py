"""The route authorisation matrix (issue #15 §6): every URL pattern and API operation, the
audience it serves, and from that what each of the nine personas of tests/route_world.py must
get. tests/test_route_matrix.py enumerates the routes and fails on one missing here, or on an
entry here for a route that no longer exists. docs/security.md ("Who may open what") explains the
classes; this table and its test are the authority.

Page keys are URL names (``journal:dose_edit``); API keys are ``"METHOD /api/v1/path"`` as the
OpenAPI schema spells them. Every ``<int:...>`` parameter is filled with an object of the OWNER
(tests/route_world.py), so "another person's object is a 404" is checked on every such route.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.route_world import PERSONAS

# Audience classes.
NOWHERE = "nowhere"  # no page behind the address: 404 for everyone
PUBLIC = "public"  # everyone, signed in or not
TOKEN = "token"  # a secret in the URL is the credential: everyone holding it
SIGNED_IN = "signed_in"  # any account, for its own data; anonymous to sign-in / 401
OWNER = "owner"  # the owner's object: the owner only; every other account 404
STAFF = "staff"  # any active clinic member; people and a deactivated clinician 404
CLINIC = "clinic"  # a member of the clinic in the URL (Riverside): other clinics 404
CLINIC_ADMIN = "clinic_admin"  # an admin of that clinic only
PATIENT = "patient"  # a clinician whom the owner's consent in force covers; anyone else 404
ADMIN_SITE = "admin_site"  # Django's admin: staff accounts only, nobody in the matrix

ACTIVE_CLINICIANS = ("clin_ok", "clin_none", "clin_revoked", "clin_expired", "clin_other")

# What each persona must get, by class: "ok" (let through: any answer but 401/403/404/5xx or a
# redirect to sign-in), "login" (302 to the sign-in page, or 401 from the API), "404", or
# "admin-login" (302 to the admin's own sign-in).
EXPECTED: dict[str, dict[str, str]] = {
    NOWHERE: {},
    PUBLIC: {},
    TOKEN: {},
    SIGNED_IN: {"anonymous": "login"},
    OWNER: {"anonymous": "login", "owner": "ok"},
    STAFF: {"anonymous": "login", **dict.fromkeys(ACTIVE_CLINICIANS, "ok")},
    CLINIC: {"anonymous": "login", "clin_ok": "ok", "clin_none": "ok"},
    CLINIC_ADMIN: {"anonymous": "login", "clin_ok": "ok"},
    PATIENT: {"anonymous": "login", "clin_ok": "ok"},
    ADMIN_SITE: {},
}
DEFAULT = {NOWHERE: "404", PUBLIC: "ok", TOKEN: "ok", SIGNED_IN: "ok", ADMIN_SITE: "admin-login"}


def expected(route: Route | None, audience: str, persona: str) -> str:
    if route is not None and persona in route.answers:
        return route.answers[persona]
    return EXPECTED[audience].get(persona, DEFAULT.get(audience, "404"))


@dataclass(frozen=True)
class Route:
    audience: str
    # URL parameters that differ from the shared table (route_world.World.params): the value,
    # or "@name" for an entry of World.extra.
    params: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    body: dict[str, Any] | None = None  # API writes; {} when not given
    # Personas whose answer differs from the class's, with why.
    answers: dict[str, str] = field(default_factory=dict)
    why: str = ""  # a regression note, or why the class is what it is


R = Route
WHY = "A calmer week."
RECT = {"kind": "rect", "x": 0, "y": 0, "width": 5, "height": 5}

PAGES: dict[str, Route] = {
    "web:home": R(PUBLIC),
    "web:help": R(PUBLIC),
    "web:healthz": R(PUBLIC),
    "web:service_worker": R(PUBLIC),
    "web:manifest": R(PUBLIC),
    "web:offline": R(PUBLIC),
    "today:today": R(SIGNED_IN),
    "today:dose_new": R(SIGNED_IN),
    "today:dose_quick": R(SIGNED_IN),
    "today:milestones_panel": R(SIGNED_IN),
    "journal:dose_list": R(SIGNED_IN),
    "journal:dose_edit": R(OWNER),
    "journal:dose_delete": R(OWNER),
    "journal:product_list": R(SIGNED_IN),
    "journal:product_new": R(SIGNED_IN),
    "journal:product_edit": R(OWNER),
    "journal:product_remove": R(OWNER),
    "plans:page": R(SIGNED_IN),
    "plans:detail": R(OWNER),
    "plans:hold": R(OWNER),
    "plans:reinstate": R(OWNER),
    "plans:slow": R(OWNER),
    "plans:cancel": R(OWNER),
    "plans:complete": R(OWNER),
    "plans:reminder": R(OWNER),
    "plans:calendar_link": R(OWNER),
    "plans:new": R(SIGNED_IN),
    "plans:preview": R(SIGNED_IN),
    "plans:strip": R(OWNER),
    "plans:strip_pdf": R(OWNER),
    "calendar:plan": R(OWNER),
    "calendar:feed": R(TOKEN, params={"token": "@calendar_token"}),
    "checkins:checkin_home": R(SIGNED_IN),
    "checkins:crisis": R(SIGNED_IN),
    "checkins:trends": R(SIGNED_IN),
    "checkins:safety_plan": R(SIGNED_IN),
    "checkins:schedule": R(SIGNED_IN),
    "checkins:result": R(OWNER),
    "checkins:edit": R(OWNER),
    "checkins:answer": R(SIGNED_IN, params={"code": "@instrument"}),
    "goals:onboarding": R(SIGNED_IN),
    "goals:onboarding_skip": R(SIGNED_IN),
    "goals:onboarding_step": R(SIGNED_IN),
    "goals:risk": R(SIGNED_IN),
    "goals:goals": R(SIGNED_IN),
    "goals:nudges_panel": R(SIGNED_IN),
    "goals:nudge_dismiss": R(OWNER),
    "learn:index": R(PUBLIC),
    "learn:sources": R(PUBLIC),
    "learn:support": R(PUBLIC, why="crisis lines for anyone; contacts only when signed in"),
    "learn:contact_new": R(SIGNED_IN),
    "learn:contact_edit": R(OWNER),
    "learn:contact_delete": R(OWNER),
    "learn:reason_new": R(SIGNED_IN),
    "learn:reason_edit": R(OWNER),
    "learn:reason_delete": R(OWNER),
    "learn:urge": R(SIGNED_IN),
    "learn:urge_start": R(SIGNED_IN),
    "learn:urge_cancel": R(SIGNED_IN),
    "learn:urge_delete": R(OWNER),
    "learn:breathe": R(PUBLIC),
    "learn:page": R(PUBLIC),
    "skin:home": R(SIGNED_IN),
    "skin:new": R(SIGNED_IN, why="regression: an empty POST was a 500 (unbound form)"),
    "skin:report_new": R(SIGNED_IN),
    "skin:session": R(OWNER),
    "skin:regions": R(OWNER),
    "skin:retake": R(OWNER),
    "skin:delete": R(OWNER),
    "skin:photo": R(OWNER),
    "alerts:page": R(SIGNED_IN),
    "alerts:bell": R(SIGNED_IN),
    "alerts:acknowledge": R(OWNER),
    "alerts:resolve": R(OWNER),
    "alerts:suggestion": R(OWNER),
    "alerts:accept": R(OWNER),
    "alerts:decline": R(OWNER),
    "substances:home": R(SIGNED_IN),
    "substances:log": R(SIGNED_IN),
    "substances:edit": R(OWNER),
    "substances:delete": R(OWNER),
    "substances:recent_warning": R(SIGNED_IN),
    "substances:medicines": R(SIGNED_IN),
    "substances:medicine_add": R(SIGNED_IN),
    "substances:medicine_confirm": R(SIGNED_IN),
    "substances:medicine_remove": R(SIGNED_IN),
    "reminders:settings": R(SIGNED_IN),
    "reminders:unsubscribe": R(TOKEN, params={"token": "@unsubscribe_token"}),
    "audit:access_log": R(SIGNED_IN),
    "audit:access_log_csv": R(SIGNED_IN),
    "records:export": R(SIGNED_IN),
    "clinic:dashboard": R(STAFF),
    "clinic:home": R(STAFF),
    "clinic:alerts": R(STAFF, why="lists only the alerts the viewer's consents show"),
    "clinic:members": R(CLINIC_ADMIN),
    "clinic:member_invite": R(CLINIC_ADMIN),
    "clinic:member_deactivate": R(CLINIC_ADMIN),
    "clinic:invitation_new": R(CLINIC),
    "clinic:staff_join": R(TOKEN, params={"token": "@staff_token"}),
    "clinic:sharing": R(SIGNED_IN),
    "clinic:consent_change": R(OWNER),
    "clinic:consent_revoke": R(OWNER),
    "clinic:join": R(SIGNED_IN),
    "clinic:join_code": R(SIGNED_IN, params={"code": "@join_code"}),
    "clinic:patient": R(PATIENT),
    "clinic:patient_cows": R(PATIENT),
    "clinic:patient_alert_acknowledge": R(PATIENT),
    "clinic:patient_report": R(PATIENT),
    "clinic:patient_notes": R(PATIENT),
    "clinic:my_notes": R(SIGNED_IN),
    "clinic:patient_proposals": R(PATIENT),
    "clinic:proposal_accept": R(OWNER),
    "clinic:proposal_decline": R(OWNER),
    "clinic:my_messages": R(SIGNED_IN, why="only the person's own conversations"),
    "clinic:my_messages_read": R(SIGNED_IN, why="marks only the person's own conversations"),
    "clinic:messages_waiting": R(STAFF, why="lists only the people the viewer's consents cover"),
    "clinic:patient_messages": R(PATIENT),
    "clinic:patient_messages_read": R(PATIENT),
    "accounts:signup": R(PUBLIC),
    "accounts:signup_confirm": R(NOWHERE, why="a made-up link: 404, whoever asks"),
    "accounts:login": R(PUBLIC),
    "accounts:logout": R(PUBLIC, answers=dict.fromkeys(PERSONAS, "login"), why="ends there"),
    "accounts:settings": R(SIGNED_IN),
    "accounts:language": R(PUBLIC, why="the footer's switch works signed out too"),
    "accounts:password_change": R(SIGNED_IN),
    "accounts:password_reset": R(PUBLIC),
    "accounts:password_reset_done": R(PUBLIC),
    "accounts:password_reset_confirm": R(PUBLIC, why="a made-up link: the invalid-link answer"),
    "accounts:mfa_setup": R(SIGNED_IN),
    "accounts:mfa_verify": R(
        SIGNED_IN,
        answers=dict.fromkeys(("owner", "other_person"), "mfa"),
        why="an account without an authenticator is sent to set one up",
    ),
    "accounts:mfa_recovery_codes": R(SIGNED_IN),
    "accounts:mfa_remove": R(SIGNED_IN),
    "accounts:reauth": R(SIGNED_IN),
    "accounts:token_create": R(SIGNED_IN),
    "accounts:token_revoke": R(OWNER),
    "erasure:delete": R(SIGNED_IN, why="erases only the signed-in account, after its password"),
    "erasure:done": R(PUBLIC, why="a plain page that names no one"),
    # The API's own pages (its operations are in API below).
    "api:openapi-json": R(PUBLIC),
    "api:openapi-view": R(PUBLIC),
    "api:api-root": R(NOWHERE, why="only a prefix for reverse(); no view behind it"),
}

# Django's admin site, a whole namespace: no persona of the matrix is a staff account, so each
# of its routes sends everyone to the admin's sign-in page (which itself is public).
ADMIN_NAMESPACE = "admin"
ADMIN_PUBLIC = frozenset({"admin:login", "admin:logout"})

API: dict[str, Route] = {
    "POST /api/v1/auth/token": R(PUBLIC),
    "GET /api/v1/auth/tokens": R(SIGNED_IN),
    "DELETE /api/v1/auth/tokens/{token_id}": R(OWNER),
    "DELETE /api/v1/account": R(
        SIGNED_IN, body={"password": "not the password"}, why="the caller's own account only"
    ),
    "POST /api/v1/auth/signup": R(PUBLIC),
    "POST /api/v1/auth/mfa/totp": R(SIGNED_IN),
    "POST /api/v1/auth/mfa/totp/confirm": R(SIGNED_IN, body={"code": "000000"}),
    "GET /api/v1/products": R(SIGNED_IN),
    "POST /api/v1/products": R(SIGNED_IN),
    "GET /api/v1/products/{product_id}": R(OWNER),
    "PATCH /api/v1/products/{product_id}": R(OWNER),
    "DELETE /api/v1/products/{product_id}": R(OWNER),
    "GET /api/v1/doses": R(SIGNED_IN),
    "POST /api/v1/doses": R(SIGNED_IN),
    "GET /api/v1/doses/{dose_id}": R(OWNER),
    "PATCH /api/v1/doses/{dose_id}": R(OWNER),
    "DELETE /api/v1/doses/{dose_id}": R(OWNER),
    "GET /api/v1/today": R(SIGNED_IN),
    "GET /api/v1/plans/{plan_id}.ics": R(OWNER),
    "GET /api/v1/plans": R(SIGNED_IN),
    "POST /api/v1/plans": R(SIGNED_IN),
    "GET /api/v1/plans/current": R(
        SIGNED_IN,
        answers=dict.fromkeys(set(PERSONAS) - {"anonymous", "owner"}, "404"),
        why="only the owner has a plan; 404 is the documented answer to no current plan",
    ),
    "GET /api/v1/plans/{plan_id}": R(OWNER),
    "POST /api/v1/plans/{plan_id}/hold": R(OWNER, body={"days": 7, "reason": WHY}),
    "POST /api/v1/plans/{plan_id}/reinstate": R(OWNER, body={"reason": WHY}),
    "POST /api/v1/plans/{plan_id}/slow": R(OWNER, body={"rate_pct": 5, "reason": WHY}),
    "POST /api/v1/plans/{plan_id}/cancel": R(OWNER, body={"reason": WHY}),
    "GET /api/v1/instruments": R(SIGNED_IN),
    "GET /api/v1/instruments/{code}": R(SIGNED_IN, params={"code": "@clinician_instrument"}),
    "GET /api/v1/responses": R(SIGNED_IN),
    "POST /api/v1/responses": R(SIGNED_IN),
    "GET /api/v1/responses/{response_id}": R(OWNER),
    "PATCH /api/v1/responses/{response_id}": R(OWNER, body={"answers": "@phq9"}),
    "GET /api/v1/due": R(SIGNED_IN),
    "GET /api/v1/onboarding": R(SIGNED_IN),
    "PUT /api/v1/onboarding": R(SIGNED_IN),
    "GET /api/v1/risk": R(SIGNED_IN),
    "GET /api/v1/risk/history": R(SIGNED_IN),
    "GET /api/v1/goals": R(SIGNED_IN),
    "PUT /api/v1/goals": R(SIGNED_IN),
    "GET /api/v1/nudges": R(SIGNED_IN),
    "POST /api/v1/nudges/{nudge_id}/dismiss": R(OWNER),
    "GET /api/v1/support": R(SIGNED_IN),
    "GET /api/v1/support/contacts": R(SIGNED_IN),
    "POST /api/v1/support/contacts": R(SIGNED_IN),
    "PATCH /api/v1/support/contacts/{contact_id}": R(OWNER),
    "DELETE /api/v1/support/contacts/{contact_id}": R(OWNER),
    "GET /api/v1/support/reasons": R(SIGNED_IN),
    "POST /api/v1/support/reasons": R(SIGNED_IN),
    "PATCH /api/v1/support/reasons/{reason_id}": R(OWNER, body={"text": "My health"}),
    "DELETE /api/v1/support/reasons/{reason_id}": R(OWNER),
    "GET /api/v1/urges": R(SIGNED_IN),
    "POST /api/v1/urges": R(SIGNED_IN),
    "DELETE /api/v1/urges/{urge_id}": R(OWNER),
    "GET /api/v1/skin/sessions": R(SIGNED_IN),
    "POST /api/v1/skin/sessions": R(SIGNED_IN),
    "GET /api/v1/skin/sessions/{session_id}": R(OWNER),
    "DELETE /api/v1/skin/sessions/{session_id}": R(OWNER),
    "POST /api/v1/skin/sessions/{session_id}/photos": R(
        OWNER, body={"site": "exposed", "file": "@photo"}
    ),
    "PUT /api/v1/skin/photos/{photo_id}/region": R(OWNER, body={"region": RECT}),
    "GET /api/v1/skin/photos/{photo_id}/image": R(OWNER),
    "GET /api/v1/skin/trend": R(SIGNED_IN),
    "GET /api/v1/skin/reports": R(SIGNED_IN),
    "POST /api/v1/skin/reports": R(SIGNED_IN),
    "GET /api/v1/alerts": R(SIGNED_IN),
    "GET /api/v1/alerts/{alert_id}": R(OWNER),
    "POST /api/v1/alerts/{alert_id}/acknowledge": R(OWNER),
    "POST /api/v1/alerts/{alert_id}/resolve": R(OWNER),
    "GET /api/v1/suggestions": R(SIGNED_IN),
    "POST /api/v1/suggestions/{suggestion_id}/accept": R(OWNER),
    "POST /api/v1/suggestions/{suggestion_id}/decline": R(OWNER),
    "GET /api/v1/substances": R(SIGNED_IN),
    "POST /api/v1/substances": R(SIGNED_IN),
    "GET /api/v1/substances/{use_id}": R(OWNER),
    "PATCH /api/v1/substances/{use_id}": R(OWNER),
    "DELETE /api/v1/substances/{use_id}": R(OWNER),
    "GET /api/v1/interactions": R(SIGNED_IN, query={"names": "sertraline"}),
    "GET /api/v1/interactions/{name}": R(SIGNED_IN),
    "GET /api/v1/medicines": R(SIGNED_IN),
    "PUT /api/v1/medicines": R(SIGNED_IN),
    "GET /api/v1/reminders": R(SIGNED_IN),
    "PUT /api/v1/reminders": R(SIGNED_IN),
    "GET /api/v1/access-log": R(SIGNED_IN),
    "GET /api/v1/access-log.csv": R(SIGNED_IN),
    "POST /api/v1/export": R(SIGNED_IN),
    "GET /api/v1/clinic/members": R(CLINIC_ADMIN),
    "POST /api/v1/clinic/members": R(
        CLINIC_ADMIN, body={"email": "new2@clinic.example", "role": "clinician"}
    ),
    "DELETE /api/v1/clinic/members/{member_id}": R(CLINIC_ADMIN),
    "POST /api/v1/clinic/invitations": R(STAFF),
    "GET /api/v1/clinic/patients": R(STAFF),
    "GET /api/v1/clinic/alerts": R(STAFF),
    "POST /api/v1/consents/invitation": R(SIGNED_IN, body={"code": "@join_code"}),
    "POST /api/v1/consents": R(SIGNED_IN),
    "GET /api/v1/consents": R(SIGNED_IN),
    "GET /api/v1/consents/{consent_id}": R(OWNER),
    "POST /api/v1/consents/{consent_id}/change": R(
        OWNER, body={"data_classes": ["journal"], "signature": "Samuel Jones"}
    ),
    "POST /api/v1/consents/{consent_id}/revoke": R(OWNER),
    "GET /api/v1/clinic/patients/{person_id}": R(PATIENT),
    "POST /api/v1/clinic/patients/{person_id}/cows": R(PATIENT, body={"answers": "@cows"}),
    "POST /api/v1/clinic/patients/{person_id}/alerts/{alert_id}/acknowledge": R(PATIENT),
    "GET /api/v1/clinic/patients/{person_id}/notes": R(PATIENT),
    "POST /api/v1/clinic/patients/{person_id}/notes": R(
        PATIENT, body={"text": "Seen.", "shared_with_person": False}
    ),
    "GET /api/v1/notes": R(SIGNED_IN),
    "GET /api/v1/clinic/patients/{person_id}/proposals": R(PATIENT),
    "POST /api/v1/clinic/patients/{person_id}/proposals": R(
        PATIENT, body={"kind": "hold", "days": 7, "reason": "A calmer week."}
    ),
    "GET /api/v1/proposals": R(SIGNED_IN),
    "POST /api/v1/proposals/{proposal_id}/accept": R(OWNER),
    "POST /api/v1/proposals/{proposal_id}/decline": R(OWNER),
    "GET /api/v1/messages": R(SIGNED_IN, why="only the person's own conversations"),
    "POST /api/v1/messages": R(SIGNED_IN, body={"text": "Hello."}, why="to a clinic shared with"),
    "POST /api/v1/messages/read": R(SIGNED_IN),
    "GET /api/v1/clinic/patients/{person_id}/messages": R(PATIENT),
    "POST /api/v1/clinic/patients/{person_id}/messages": R(PATIENT, body={"text": "Hello."}),
    "POST /api/v1/clinic/patients/{person_id}/messages/read": R(PATIENT),
    # The owner's own record, or a clinician whom the owner's consent in force covers.
    "GET /api/v1/fhir/Patient/{id}/$everything": R(
        PATIENT,
        params={"id": "@owner_id"},
        answers={"owner": "ok"},
        why="the person themself, or a clinician their consent covers",
    ),
}
