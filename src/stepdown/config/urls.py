"""URL map: pages per app, the JSON API under /api/v1/, and the health check."""

from django.contrib import admin
from django.urls import include, path

from stepdown.api import api

urlpatterns = [
    # First: the API is the most requested, and Django tries patterns in order.
    path("api/v1/", api.urls),
    path("", include("stepdown.web.urls")),
    path("", include("stepdown.today.urls")),
    path("", include("stepdown.journal.urls")),
    path("plan/", include("stepdown.plans.urls")),
    path("plan/", include("stepdown.reminders.calendar_urls")),
    path("checkins/", include("stepdown.checkins.urls")),
    path("", include("stepdown.goals.urls")),
    path("learn/", include("stepdown.learn.urls")),
    path("skin/", include("stepdown.skin.urls")),
    path("alerts/", include("stepdown.alerts.urls")),
    path("substances/", include("stepdown.substances.urls")),
    path("reminders/", include("stepdown.reminders.urls")),
    path("account/", include("stepdown.accounts.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "stepdown.web.views.not_found"
handler500 = "stepdown.web.views.server_error"
