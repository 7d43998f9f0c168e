from django.urls import path

from stepdown.records import views

app_name = "records"

urlpatterns = [
    path("", views.export, name="export"),
]
