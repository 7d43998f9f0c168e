from django.apps import AppConfig


class SkinConfig(AppConfig):
    name = "stepdown.skin"
    label = "skin"
    verbose_name = "Skin tracker"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from stepdown.skin.models import Photo
        from stepdown.skin.signals import remove_photo_files

        post_delete.connect(remove_photo_files, sender=Photo, dispatch_uid="skin_photo_files")
