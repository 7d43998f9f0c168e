from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "stepdown.web"
    label = "web"
    verbose_name = "Shared pages"
