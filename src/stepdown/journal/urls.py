from django.urls import path

from stepdown.journal import views

app_name = "journal"

urlpatterns = [
    path("doses/", views.dose_list, name="dose_list"),
    path("doses/<int:dose_id>/edit/", views.dose_edit, name="dose_edit"),
    path("doses/<int:dose_id>/delete/", views.dose_delete, name="dose_delete"),
    path("products/", views.product_list, name="product_list"),
    path("products/new/", views.product_edit, name="product_new"),
    path("products/<int:product_id>/edit/", views.product_edit, name="product_edit"),
    path("products/<int:product_id>/remove/", views.product_remove, name="product_remove"),
]
