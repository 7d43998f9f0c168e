from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "stepdown.learn"
    label = "learn"
    verbose_name = "Learn, support and coping tools"

    def ready(self) -> None:
        from stepdown.learn.sources import sources

        sources()  # parse docs/clinical-sources.md once, at start-up
