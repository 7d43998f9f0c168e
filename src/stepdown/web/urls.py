from django.urls import path

from stepdown.web import offline, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("help/", views.get_help, name="help"),
    path("healthz", views.healthz, name="healthz"),
    # The service worker's scope is the folder it is served from: the root, for the whole site.
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("offline/", offline.offline_page, name="offline"),
]
