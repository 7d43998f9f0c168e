import datetime as dt
import secrets

from django.db import migrations, models

import django.utils.timezone
import stepdown.accounts.models

# Tokens made before expiry existed get the default lifetime from their creation.
DEFAULT_TOKEN_DAYS = 90


def fill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Token = apps.get_model("accounts", "PersonalAccessToken")
    for user in User.objects.only("pk").iterator():
        User.objects.filter(pk=user.pk).update(sessions_key=secrets.token_hex(16))
    for token in Token.objects.only("pk", "created_at").iterator():
        expires = token.created_at + dt.timedelta(days=DEFAULT_TOKEN_DAYS)
        Token.objects.filter(pk=token.pk).update(expires_at=expires)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_data_revision"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="sessions_key",
            field=models.CharField(
                default=stepdown.accounts.models.new_sessions_key, editable=False, max_length=32
            ),
        ),
        migrations.AddField(
            model_name="personalaccesstoken",
            name="expires_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="personalaccesstoken",
            name="expires_at",
            field=models.DateTimeField(),
        ),
        migrations.CreateModel(
            name="RateEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=16)),
                ("address", models.CharField(max_length=45)),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                "indexes": [models.Index(fields=["kind", "address", "at"], name="accounts_ra_kind_eb7ec5_idx")],
            },
        ),
    ]
