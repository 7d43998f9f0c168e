from django.apps import AppConfig


class ProfileConfig(AppConfig):
    name = "stepdown.profile"
    label = "profile"
    verbose_name = "Profile: onboarding answers, recovery mode and medicines"
