from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "stepdown.learn"
    label = "learn"
    verbose_name = "Learn, support and coping tools"
