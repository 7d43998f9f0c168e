from django.urls import path

from stepdown.plans.views import exports, page, wizard

app_name = "plans"

urlpatterns = [
    path("", page.plan_page, name="page"),
    path("new/", wizard.plan_new, name="new"),
    path("new/preview/", wizard.plan_preview, name="preview"),
    path("<int:plan_id>/", page.plan_detail, name="detail"),
    path("<int:plan_id>/hold/", page.hold, name="hold"),
    path("<int:plan_id>/reinstate/", page.reinstate, name="reinstate"),
    path("<int:plan_id>/slow/", page.slow, name="slow"),
    path("<int:plan_id>/cancel/", page.cancel, name="cancel"),
    path("<int:plan_id>/complete/", page.complete, name="complete"),
    path("<int:plan_id>/reminder/", page.reminder, name="reminder"),
    path("<int:plan_id>/calendar-link/", page.calendar_link, name="calendar_link"),
    path("<int:plan_id>/strip/", exports.strip, name="strip"),
    path("<int:plan_id>/strip.pdf", exports.strip_pdf, name="strip_pdf"),
]
