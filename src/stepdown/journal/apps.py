from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "stepdown.journal"
    label = "journal"
    verbose_name = "Dose journal"
