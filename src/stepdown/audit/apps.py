from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "stepdown.audit"
    label = "audit"
    verbose_name = "Access log"
