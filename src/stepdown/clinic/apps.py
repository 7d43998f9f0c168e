from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "stepdown.clinic"
    label = "clinic"
    verbose_name = "Clinics, clinicians and consent"
