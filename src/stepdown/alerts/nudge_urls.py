"""The nudge cards' requests, at the paths and names they always had (``goals:nudges_panel``,
``goals:nudge_dismiss``): ``config/urls.py`` joins them into the ``goals`` namespace."""

from django.urls import path

from stepdown.alerts import nudge_views

urlpatterns = [
    path("nudges/panel/", nudge_views.nudges_panel, name="nudges_panel"),
    path("nudges/<int:nudge_id>/dismiss/", nudge_views.nudge_dismiss, name="nudge_dismiss"),
]
