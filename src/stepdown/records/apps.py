from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "stepdown.records"
    label = "records"
    verbose_name = "The person's record"
