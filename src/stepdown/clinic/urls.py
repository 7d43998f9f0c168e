from django.urls import path

from stepdown.clinic import views

app_name = "clinic"

urlpatterns = [
    path("", views.home, name="home"),
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
]
