from django.urls import path

from stepdown.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("help/", views.get_help, name="help"),
    path("healthz", views.healthz, name="healthz"),
]
