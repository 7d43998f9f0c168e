from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "stepdown.web"
    label = "web"
    verbose_name = "Shared pages"

    def ready(self) -> None:
        from stepdown.web import checks  # noqa: F401  (registers the template library check)
