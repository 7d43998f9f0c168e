"""Onboarding and the Risk page. ``config/urls.py`` joins these with the goals page and the
nudges' requests into the ``goals`` namespace, whose names and paths stay as they always were."""

from django.urls import path

from stepdown.goals import views

urlpatterns = [
    path("onboarding/", views.onboarding, name="onboarding"),
    path("onboarding/skip/", views.onboarding_skip, name="onboarding_skip"),
    path("onboarding/<slug:step>/", views.onboarding_step, name="onboarding_step"),
    path("risk/", views.risk, name="risk"),
]
