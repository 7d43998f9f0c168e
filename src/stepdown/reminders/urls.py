from django.urls import path

from stepdown.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
