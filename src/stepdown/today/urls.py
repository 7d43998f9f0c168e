from django.urls import path

from stepdown.today import views

app_name = "today"

urlpatterns = [
    path("today/", views.today, name="today"),
    path("doses/new/", views.dose_new, name="dose_new"),
    path("doses/quick/", views.quick_dose, name="dose_quick"),
    path("milestones/panel/", views.milestones, name="milestones_panel"),
]
