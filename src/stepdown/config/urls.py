"""URL map: pages per app, the JSON API under /api/v1/, and the health check."""

from django.contrib import admin
from django.urls import include, path

from stepdown.alerts import nudge_urls
from stepdown.api import api
from stepdown.goals import urls as goals_urls
from stepdown.pages import urls as pages_urls
from stepdown.plans import urls as plans_urls
from stepdown.profile import urls as profile_urls

# Two namespaces span apps: their pages moved to the app (or the pages layer) that owns their data,
# while their URL names and paths stayed, since templates, redirects and bookmarks use them.
plans_patterns = pages_urls.plan_urlpatterns + plans_urls.urlpatterns
goals_patterns = (
    profile_urls.urlpatterns  # onboarding
    + goals_urls.urlpatterns
    + pages_urls.goals_urlpatterns
    + nudge_urls.urlpatterns
)

urlpatterns = [
    # First: the API is the most requested, and Django tries patterns in order.
    path("api/v1/", api.urls),
    path("", include("stepdown.web.urls")),
    path("", include("stepdown.today.urls")),
    path("", include("stepdown.journal.urls")),
    path("plan/", include((plans_patterns, "plans"))),
    path("plan/", include("stepdown.reminders.calendar_urls")),
    path("checkins/", include("stepdown.checkins.urls")),
    path("", include((goals_patterns, "goals"))),
    path("learn/", include("stepdown.learn.urls")),
    path("skin/", include("stepdown.skin.urls")),
    path("alerts/", include("stepdown.alerts.urls")),
    path("substances/", include("stepdown.substances.urls")),
    path("reminders/", include("stepdown.reminders.urls")),
    path("account/access-log/", include("stepdown.audit.urls")),
    path("account/export/", include("stepdown.records.urls")),
    path("clinic/", include("stepdown.clinic.urls")),
    path("account/", include("stepdown.accounts.urls")),
    path("account/", include("stepdown.records.erasure_urls")),
    path("admin/", admin.site.urls),
]

handler403 = "stepdown.web.views.forbidden"
handler404 = "stepdown.web.views.not_found"
handler500 = "stepdown.web.views.server_error"
