"""Unfinished drafts: a response kept only because its answers so far raised a flag (no total)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('checkins', '0002_daily_reminder_time_in_settings'),
    ]

    operations = [
        migrations.AddField(
            model_name='response',
            name='complete',
            field=models.BooleanField(default=True),
        ),
        migrations.AlterField(
            model_name='response',
            name='total',
            field=models.IntegerField(blank=True, null=True),
        ),
    ]
