from django.urls import path

from stepdown.checkins import settings_views, views

app_name = "checkins"

urlpatterns = [
    path("", views.hub, name="checkin_home"),
    path("crisis/", views.crisis, name="crisis"),
    path("trends/", views.trends, name="trends"),
    path("safety-plan/", settings_views.safety_plan, name="safety_plan"),
    path("schedule/", settings_views.schedule, name="schedule"),
    path("responses/<int:response_id>/", views.result, name="result"),
    path("responses/<int:response_id>/edit/", views.edit, name="edit"),
    # Last: any other single segment is an instrument code.
    path("<slug:code>/", views.answer, name="answer"),
]
