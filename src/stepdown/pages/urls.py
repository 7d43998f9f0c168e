"""The pages' URLs, under the names and paths they had in their apps (``goals:goals``,
``plans:page``...): ``config/urls.py`` joins each list into its app's namespace."""

from django.urls import path

from stepdown.pages import goals, plan

goals_urlpatterns = [
    path("goals/", goals.goals, name="goals"),
]

# Under /plan/.
plan_urlpatterns = [
    path("", plan.plan_page, name="page"),
    path("<int:plan_id>/", plan.plan_detail, name="detail"),
    path("<int:plan_id>/hold/", plan.hold, name="hold"),
    path("<int:plan_id>/reinstate/", plan.reinstate, name="reinstate"),
    path("<int:plan_id>/slow/", plan.slow, name="slow"),
    path("<int:plan_id>/cancel/", plan.cancel, name="cancel"),
    path("<int:plan_id>/complete/", plan.complete, name="complete"),
    path("<int:plan_id>/reminder/", plan.reminder, name="reminder"),
    path("<int:plan_id>/calendar-link/", plan.calendar_link, name="calendar_link"),
]
