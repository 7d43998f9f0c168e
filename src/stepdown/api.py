"""The JSON API: one NinjaAPI object; each app contributes a router from ``<app>/api.py``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver
from django.utils import formats
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.security import HttpBearer

from stepdown.accounts.gate import MFA_REQUIRED, MFA_REQUIRED_DETAIL, MfaRequired
from stepdown.accounts.services import token_authenticate
from stepdown.api_wording import message as error_message
from stepdown.errors import InvalidInput, NeedsConfirmation, NotFound


class BearerToken(HttpBearer):
    """``Authorization: Bearer <personal access token>``."""

    openapi_description = "A personal access token from account settings or POST /auth/token."

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_authenticate(token)
        if user is not None:
            request.user = user
            if user.mfa_required and not user.token_mfa_verified:  # type: ignore[attr-defined]
                raise MfaRequired
        return user


class StepdownApi(NinjaAPI):
    """Builds the OpenAPI schema once per process: it cannot change while the process runs, and
    building it takes seconds (every GET of /openapi.json did)."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        schemas: dict[str, OpenAPISchema] = self.__dict__.setdefault("_schemas", {})
        if path_prefix not in schemas:
            schemas[path_prefix] = super().get_openapi_schema(path_prefix=path_prefix)
        return schemas[path_prefix]  # shared: read it, never edit it

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        # ninja answers a method a path does not take with a plain-text "Method not allowed"
        # of its own, outside the exception handlers: each view is wrapped to say it in JSON
        # and in the request's language, like every other refusal.
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_not_allowed(pattern.callback)
        return urls


def _json_not_allowed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)  # keeps csrf_exempt and the other marks ninja set
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        methods = response["Allow"]
        detail = _("This address does not take %(method)s; it takes %(allowed)s.") % {
            "method": request.method,
            "allowed": methods,
        }
        refused = api.create_response(request, {"detail": detail}, status=405)
        refused["Allow"] = methods
        return refused

    return answer


api = StepdownApi(
    title="Stepdown API",
    version="1",
    description="Stepdown's JSON API. Every route except sign-up and token needs a bearer token.",
    auth=BearerToken(),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(InvalidInput)
def _invalid_input(request: HttpRequest, error: InvalidInput) -> HttpResponse:
    kind, suffix = "invalid", ""
    if isinstance(error, NeedsConfirmation):
        kind = "needs_confirmation"
        suffix = " " + _('To save it anyway, send "%(field)s": true.') % {
            "field": error.confirm_field
        }
    detail = [
        {"loc": [error.location, field], "msg": message + suffix, "type": kind}
        for field, message in error.problems.items()
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    limit_mb = formats.number_format(round(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20, 2))
    message = _("The request body is too large: send at most %(limit)s MB of JSON.") % {
        "limit": limit_mb
    }
    return api.create_response(request, {"detail": message}, status=413)


@api.exception_handler(ValidationError)
def _schema_error(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """Same shape as service errors: ``loc`` is ["body", field] (ninja adds its "payload"), and
    the message in the app's words (``stepdown.api_wording``) and the request's language, never
    pydantic's."""
    detail = [
        {
            "loc": [part for part in item.get("loc", ()) if part != "payload"],
            "msg": error_message(item),
            "type": item.get("type", "invalid"),
        }
        for item in error.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(NotFound)
@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Exception) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    detail = _("Authentication required.")
    return api.create_response(request, {"detail": detail}, status=401)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    """ninja's own refusals (a body it cannot parse), in the app's words: its sentences are
    English only, and may name internals."""
    if error.status_code == 400:
        detail = _("The request body is not valid JSON.")
    elif error.status_code == 429:
        detail = _("Too many requests. Try again later.")
    else:
        detail = _("This request could not be handled.")
    return api.create_response(request, {"detail": detail}, status=error.status_code)


@api.exception_handler(MfaRequired)
def _mfa_required(request: HttpRequest, error: MfaRequired) -> HttpResponse:
    body = {"detail": _(MFA_REQUIRED_DETAIL), "code": MFA_REQUIRED}
    return api.create_response(request, body, status=403)


def _register_routers() -> None:
    from stepdown.accounts.api import router as accounts_router
    from stepdown.accounts.mfa_api import router as mfa_router
    from stepdown.alerts.api import nudges_router
    from stepdown.alerts.api import router as alerts_router
    from stepdown.audit.api import router as audit_router
    from stepdown.checkins.api import router as checkins_router
    from stepdown.clinic.alert_list_api import router as clinic_alerts_router
    from stepdown.clinic.api import consent_router
    from stepdown.clinic.api import router as clinic_router
    from stepdown.clinic.collab_api import collab_router
    from stepdown.clinic.messages_api import messages_router
    from stepdown.clinic.patient_api import router as patient_router
    from stepdown.goals.api import router as goals_router
    from stepdown.journal.api import router as journal_router
    from stepdown.learn.api import router as learn_router
    from stepdown.plans.api import router as plans_router
    from stepdown.profile.api import router as profile_router
    from stepdown.records.api import router as records_router
    from stepdown.records.erasure_api import router as erasure_router
    from stepdown.reminders.api import calendar_router
    from stepdown.reminders.api import router as reminders_router
    from stepdown.skin.api import router as skin_router
    from stepdown.substances.api import router as substances_router

    api.add_router("/auth", accounts_router)
    api.add_router("/auth/mfa", mfa_router)
    api.add_router("/", journal_router)
    api.add_router("/", calendar_router)  # before plans: see reminders.api
    api.add_router("/", plans_router)
    api.add_router("/", checkins_router)
    api.add_router("/", profile_router)  # the onboarding answers, listed with the goals
    api.add_router("/", goals_router)
    api.add_router("/", nudges_router)
    api.add_router("/", learn_router)
    api.add_router("/skin", skin_router)
    api.add_router("/", alerts_router)
    api.add_router("/", substances_router)
    api.add_router("/", reminders_router)
    api.add_router("/", audit_router)
    api.add_router("/clinic", clinic_router)
    api.add_router("/consents", consent_router)
    api.add_router("/clinic", patient_router)  # clinic: the patient page's routes
    api.add_router("/clinic", clinic_alerts_router)  # clinic: the open alerts of everyone seen
    api.add_router("/", collab_router)  # notes and plan proposals (clinic.collab_api)
    api.add_router("/", messages_router)  # messages (clinic.messages_api)
    api.add_router("/", records_router)  # export, erasure, FHIR (records.api)
    api.add_router("/", erasure_router)  # DELETE /account (records.erasure_api)


_register_routers()
