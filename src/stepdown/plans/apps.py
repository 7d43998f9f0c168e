from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "stepdown.plans"
    label = "plans"
    verbose_name = "Taper plans"

    def ready(self) -> None:
        from stepdown.plans import signals

        signals.connect()
