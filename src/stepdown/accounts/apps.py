from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stepdown.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        # After every app has loaded, so the signals reach all the models people own.
        from stepdown.accounts import revisions

        revisions.connect()
