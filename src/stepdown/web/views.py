"""Pages shared by every part of Stepdown: the home page, help, health and error pages."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from stepdown.web.api_paths import is_api_request
from stepdown.web.resources import CRISIS_LINES, SUPPORT_LINES


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("today:today")
    return render(request, "web/welcome.html")


def get_help(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/help.html", {"crisis_lines": CRISIS_LINES, "support_lines": SUPPORT_LINES}
    )


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not healthy", never a traceback
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    # A shared Redis cache that is down makes pages slower, not broken (config.redis_cache):
    # the server still serves (200), and says so.
    ping_error = getattr(cache, "ping_error", None)
    if ping_error is not None and ping_error() is not None:
        return JsonResponse({"status": "degraded", "database": "ok", "cache": "unreachable"})
    return JsonResponse({"status": "ok", "database": "ok"})


def _error(
    request: HttpRequest, title: str, code: int | str, status: int, *, detail: str = ""
) -> HttpResponse:
    """The error page, or for an address under the API (one it does not route, or a failure
    outside its handlers) the API's own JSON shape, in the request's language."""
    if is_api_request(request):
        return JsonResponse({"detail": detail or title}, status=status)
    return render(request, "web/error.html", {"title": title, "code": code}, status=status)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, _("Page not found"), 404, 404, detail=_("Not found."))


def forbidden(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error(request, _("Not open to you"), 403, 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its CSRF token (an old page, blocked cookies): said in the app's words
    and language, not Django's technical page."""
    return _error(request, _("The form could not be sent"), "csrf", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, _("Something went wrong"), 500, 500)
