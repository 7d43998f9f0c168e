"""The Risk page. ``config/urls.py`` joins it with the onboarding pages (profile), the goals
page (pages) and the nudges' requests (alerts) into the ``goals`` namespace, whose names and paths
stay as they always were."""

from django.urls import path

from stepdown.goals import views

urlpatterns = [
    path("risk/", views.risk, name="risk"),
]
