"""The daily check-in's reminder time now lives only in the reminder settings: clear the old copy,
which reminders never used and the due list would still show."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def clear_daily_times(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    schedule = apps.get_model("checkins", "Schedule")
    schedule.objects.filter(instrument="daily").update(preferred_time=None)


class Migration(migrations.Migration):
    dependencies = [("checkins", "0001_initial")]

    operations = [migrations.RunPython(clear_daily_times, migrations.RunPython.noop)]
