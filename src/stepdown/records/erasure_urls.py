from django.urls import path

from stepdown.records import erasure_views

app_name = "erasure"

urlpatterns = [
    path("delete/", erasure_views.account_delete, name="delete"),
    path("deleted/", erasure_views.account_deleted, name="done"),
]
