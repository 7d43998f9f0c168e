from django.urls import path

from stepdown.skin import session_views, upload_views, views

app_name = "skin"

urlpatterns = [
    path("", views.skin_home, name="home"),
    path("new/", upload_views.session_new, name="new"),
    path("reports/", views.report_new, name="report_new"),
    path("sessions/<int:session_id>/", session_views.session_detail, name="session"),
    path("sessions/<int:session_id>/regions/", session_views.session_regions, name="regions"),
    path("sessions/<int:session_id>/retake/<str:role>/", upload_views.photo_retake, name="retake"),
    path("sessions/<int:session_id>/delete/", session_views.session_delete, name="delete"),
    path("photos/<int:photo_id>/<str:variant>/", session_views.photo_file, name="photo"),
]
