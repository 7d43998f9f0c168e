from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "stepdown.checkins"
    label = "checkins"
    verbose_name = "Check-ins and questionnaires"
