"""A URL configuration where Today lives elsewhere (tests/web/test_remembered_tags.py)."""

from django.http import HttpResponse
from django.urls import include, path


def _nothing(request: object) -> HttpResponse:
    return HttpResponse()


urlpatterns = [
    path("elsewhere/", include(([path("", _nothing, name="today")], "today"))),
]
