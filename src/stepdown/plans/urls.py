"""The plan wizard and the exports. ``config/urls.py`` joins these with the plan page's
(``stepdown.pages``) into the ``plans`` namespace, whose names and paths stay as they were."""

from django.urls import path

from stepdown.plans.views import exports, wizard

urlpatterns = [
    path("new/", wizard.plan_new, name="new"),
    path("new/preview/", wizard.plan_preview, name="preview"),
    path("<int:plan_id>/strip/", exports.strip, name="strip"),
    path("<int:plan_id>/strip.pdf", exports.strip_pdf, name="strip_pdf"),
]
