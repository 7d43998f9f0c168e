from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "stepdown.reminders"
    label = "reminders"
    verbose_name = "Reminders"
