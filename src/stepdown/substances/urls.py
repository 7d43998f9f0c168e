from django.urls import path

from stepdown.substances import views

app_name = "substances"

urlpatterns = [
    path("", views.home, name="home"),
    path("log/", views.log, name="log"),
    path("<int:use_id>/edit/", views.edit, name="edit"),
    path("<int:use_id>/delete/", views.delete, name="delete"),
    path("recent-warning/", views.recent_warning, name="recent_warning"),
    path("medicines/", views.medicines, name="medicines"),
    path("medicines/add/", views.medicine_add, name="medicine_add"),
    path("medicines/confirm/", views.medicine_confirm, name="medicine_confirm"),
    path("medicines/remove/", views.medicine_remove, name="medicine_remove"),
]
