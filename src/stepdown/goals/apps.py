from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "stepdown.goals"
    label = "goals"
    verbose_name = "Risk profile, goals and limits"

    def ready(self) -> None:
        # The receiver lives here so the profile app never imports this one.
        from stepdown.goals import signals

        signals.connect()
