"""The onboarding pages, at the paths and names they always had (``goals:onboarding``,
``goals:onboarding_skip``, ``goals:onboarding_step``): ``config/urls.py`` joins them into the
``goals`` namespace."""

from django.urls import path

from stepdown.profile import views

urlpatterns = [
    path("onboarding/", views.onboarding, name="onboarding"),
    path("onboarding/skip/", views.onboarding_skip, name="onboarding_skip"),
    path("onboarding/<slug:step>/", views.onboarding_step, name="onboarding_step"),
]
