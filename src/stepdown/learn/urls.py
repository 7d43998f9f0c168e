from django.urls import path

from stepdown.learn.views import pages, support, tools

app_name = "learn"

# Fixed routes come before the topic pages so that "support" and "tools" are never read as slugs.
urlpatterns = [
    path("", pages.index, name="index"),
    path("sources/", pages.sources, name="sources"),
    path("support/", support.support, name="support"),
    path("support/contacts/", support.contact_new, name="contact_new"),
    path("support/contacts/<int:contact_id>/edit/", support.contact_edit, name="contact_edit"),
    path(
        "support/contacts/<int:contact_id>/delete/", support.contact_delete, name="contact_delete"
    ),
    path("support/reasons/", support.reason_new, name="reason_new"),
    path("support/reasons/<int:reason_id>/edit/", support.reason_edit, name="reason_edit"),
    path("support/reasons/<int:reason_id>/delete/", support.reason_delete, name="reason_delete"),
    path("tools/urge/", tools.urge, name="urge"),
    path("tools/urge/start/", tools.urge_start, name="urge_start"),
    path("tools/urge/cancel/", tools.urge_cancel, name="urge_cancel"),
    path("tools/urge/<int:urge_id>/delete/", tools.urge_delete, name="urge_delete"),
    path("tools/breathe/", tools.breathe, name="breathe"),
    path("<slug:slug>/", pages.page, name="page"),
]
