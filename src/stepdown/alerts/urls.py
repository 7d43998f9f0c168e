from django.urls import path

from stepdown.alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.alerts_page, name="page"),
    path("bell/", views.bell, name="bell"),
    path("<int:alert_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<int:alert_id>/resolve/", views.resolve, name="resolve"),
    path("suggestions/<int:suggestion_id>/", views.suggestion_page, name="suggestion"),
    path("suggestions/<int:suggestion_id>/accept/", views.accept, name="accept"),
    path("suggestions/<int:suggestion_id>/decline/", views.decline, name="decline"),
]
