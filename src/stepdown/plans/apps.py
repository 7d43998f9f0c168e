from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "stepdown.plans"
    label = "plans"
    verbose_name = "Taper plans"
