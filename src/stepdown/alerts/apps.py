from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "stepdown.alerts"
    label = "alerts"
    verbose_name = "Alerts and suggested adjustments"

    def ready(self) -> None:
        # The triggers live here so the journal, check-ins and plans never import this app.
        from stepdown.alerts import signals

        signals.connect()
