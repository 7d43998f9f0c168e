from django.urls import path

from stepdown.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.access_log, name="access_log"),
    path("access-log.csv", views.access_log_csv, name="access_log_csv"),
]
