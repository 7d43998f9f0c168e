from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "stepdown.clinic"
    label = "clinic"
    verbose_name = "Clinics, clinicians and consent"

    def ready(self) -> None:
        # The alerts app sits below the clinic and cannot call it: it announces new alerts.
        from stepdown.alerts.events import alerts_recorded
        from stepdown.clinic.alert_emails import alerts_recorded_receiver

        alerts_recorded.connect(alerts_recorded_receiver, dispatch_uid="clinic.alert_emails")
