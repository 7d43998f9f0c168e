from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "stepdown.goals"
    label = "goals"
    verbose_name = "Onboarding, risk profile, goals and limits"
