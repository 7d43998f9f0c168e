from django.urls import path

from stepdown.skin import views

app_name = "skin"

urlpatterns = [
    path("", views.skin_home, name="home"),
    path("new/", views.session_new, name="new"),
    path("reports/", views.report_new, name="report_new"),
    path("sessions/<int:session_id>/", views.session_detail, name="session"),
    path("sessions/<int:session_id>/regions/", views.session_regions, name="regions"),
    path("sessions/<int:session_id>/retake/<str:role>/", views.photo_retake, name="retake"),
    path("sessions/<int:session_id>/delete/", views.session_delete, name="delete"),
    path("photos/<int:photo_id>/<str:variant>/", views.photo_file, name="photo"),
]
