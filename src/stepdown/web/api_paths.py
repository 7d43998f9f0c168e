"""Where the JSON API lives: a request under it is answered in JSON (a refusal, an error, a
lockout), never with a page or a redirect to one."""

from __future__ import annotations

from django.http import HttpRequest

API_PREFIX = "/api/"


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)
