from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "stepdown.today"
    label = "today"
    verbose_name = "Today page"
