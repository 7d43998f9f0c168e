"""A risk tier for 2 or more DSM-5 criteria: the range of a use disorder, not "dependence"."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0002_onboarding_pregnancy'),
    ]

    operations = [
        migrations.AlterField(
            model_name='risksnapshot',
            name='tier',
            field=models.CharField(choices=[('low', 'Lower risk'), ('moderate', 'Moderate risk'), ('high', 'High risk'), ('likely_dependence', 'Signs of dependence'), ('use_disorder', 'In the range of a use disorder')], max_length=20),
        ),
    ]
