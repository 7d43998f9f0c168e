"""The plan's calendar files, at the paths they always had under /plan/."""

from django.urls import path

from stepdown.reminders import calendar_views

app_name = "calendar"

urlpatterns = [
    path("<int:plan_id>.ics", calendar_views.plan_calendar, name="plan"),
    path("calendar/<str:token>.ics", calendar_views.calendar_feed, name="feed"),
]
