from django.apps import AppConfig


class SubstancesConfig(AppConfig):
    name = "stepdown.substances"
    label = "substances"
    verbose_name = "Medicines, other substances and interactions"

    def ready(self) -> None:
        # The trigger lives here so the journal never imports this app.
        from stepdown.substances import signals

        signals.connect()
