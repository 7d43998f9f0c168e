from django.urls import path

from stepdown.clinic import alert_list_views, dashboard_views, patient_views, views

app_name = "clinic"

urlpatterns = [
    # The clinician lands on the triage dashboard; the clinics overview keeps its name.
    path("", dashboard_views.dashboard_page, name="dashboard"),
    path("clinics/", views.home, name="home"),
    path("alerts/", alert_list_views.alerts_page, name="alerts"),
    path("<int:clinic_id>/members/", views.members, name="members"),
    path("<int:clinic_id>/members/invite/", views.member_invite, name="member_invite"),
    path(
        "<int:clinic_id>/members/<int:member_id>/deactivate/",
        views.member_deactivate,
        name="member_deactivate",
    ),
    path("<int:clinic_id>/invitations/", views.invitation_new, name="invitation_new"),
    path("staff/join/<int:invitation_id>/<str:token>/", views.staff_join, name="staff_join"),
    # A person's side
    path("sharing/", views.sharing, name="sharing"),
    path("sharing/<int:consent_id>/change/", views.consent_change, name="consent_change"),
    path("sharing/<int:consent_id>/revoke/", views.consent_revoke, name="consent_revoke"),
    path("join/", views.join, name="join"),
    path("join/<str:code>/", views.join_code, name="join_code"),
    # The patient page (a clinician's view of one person)
    path("patients/<int:person_id>/", patient_views.patient, name="patient"),
    path("patients/<int:person_id>/cows/", patient_views.patient_cows, name="patient_cows"),
    path(
        "patients/<int:person_id>/alerts/<int:alert_id>/acknowledge/",
        patient_views.patient_alert_acknowledge,
        name="patient_alert_acknowledge",
    ),
    path(
        "patients/<int:person_id>/report.pdf", patient_views.patient_report, name="patient_report"
    ),
]

# -- notes, plan proposals and messages (notes_views, proposals_views, messages_views) ---------
from stepdown.clinic import notes_views  # noqa: E402

urlpatterns += [
    path("patients/<int:person_id>/notes/", notes_views.patient_notes, name="patient_notes"),
    path("notes/", notes_views.my_notes, name="my_notes"),
]

from stepdown.clinic import proposals_views  # noqa: E402

urlpatterns += [
    path(
        "patients/<int:person_id>/proposals/",
        proposals_views.patient_proposals,
        name="patient_proposals",
    ),
    path(
        "proposals/<int:proposal_id>/accept/",
        proposals_views.proposal_accept,
        name="proposal_accept",
    ),
    path(
        "proposals/<int:proposal_id>/decline/",
        proposals_views.proposal_decline,
        name="proposal_decline",
    ),
]

from stepdown.clinic import messages_views  # noqa: E402

urlpatterns += [
    path("messages/", messages_views.my_messages, name="my_messages"),
    path("messages/read/", messages_views.my_messages_read, name="my_messages_read"),
    path("messages/waiting/", messages_views.messages_waiting, name="messages_waiting"),
    path(
        "patients/<int:person_id>/messages/",
        messages_views.patient_messages,
        name="patient_messages",
    ),
    path(
        "patients/<int:person_id>/messages/read/",
        messages_views.patient_messages_read,
        name="patient_messages_read",
    ),
]
