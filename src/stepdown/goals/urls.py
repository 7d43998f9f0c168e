from django.urls import path

from stepdown.goals import views

app_name = "goals"

urlpatterns = [
    path("onboarding/", views.onboarding, name="onboarding"),
    path("onboarding/skip/", views.onboarding_skip, name="onboarding_skip"),
    path("onboarding/<slug:step>/", views.onboarding_step, name="onboarding_step"),
    path("risk/", views.risk, name="risk"),
    path("goals/", views.goals, name="goals"),
    path("nudges/panel/", views.nudges_panel, name="nudges_panel"),
    path("nudges/<int:nudge_id>/dismiss/", views.nudge_dismiss, name="nudge_dismiss"),
]
