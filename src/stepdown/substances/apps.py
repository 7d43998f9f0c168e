from django.apps import AppConfig


class SubstancesConfig(AppConfig):
    name = "stepdown.substances"
    label = "substances"
    verbose_name = "Medicines, other substances and interactions"
