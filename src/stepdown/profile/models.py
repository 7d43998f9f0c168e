"""What a person tells about themselves: onboarding answers and the medicines they take.

**Why onboarding answers are columns (plus three small JSON lists).** Each answer that has one
value is a column, so the database enforces its range (``CheckConstraint``), a clinic can filter
on it (``reason = 'opioid_recovery'``) and a migration records every change of shape. The three
multi-choice answers (forms used, what kratom is used for, diagnoses) are short lists drawn from
closed sets; they are stored as JSON lists and validated in ``profile.services`` rather than as
three join tables that nobody queries. The PHQ-2 and GAD-2 item answers are kept as JSON as the
instruments' scorer returns them, with their totals in columns.

The tables keep the names they had when these models lived in ``goals`` (``db_table``), so the
move was a change of Django's state only.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stepdown.core.risk import Diagnosis, Reason, SelfTreatment, SubstanceHistory


class Onboarding(models.Model):
    """One person's onboarding: answers that bear on risk, and where they got to.

    ``step`` is the next step to show, so onboarding resumes where it was left. ``status`` is
    ``skipped`` when the person chose "skip for now"; answers can still be added later.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        SKIPPED = "skipped", "Skipped"

    class ReasonChoice(models.TextChoices):
        AVOID_DEPENDENCE = Reason.AVOID_DEPENDENCE.value, _("Keep my use in check")
        CUT_DOWN = Reason.CUT_DOWN.value, _("Cut down")
        QUIT = Reason.QUIT.value, _("Stop using kratom")
        OPIOID_RECOVERY = Reason.OPIOID_RECOVERY.value, _("I use kratom to get off another opioid")
        JUST_TRACKING = Reason.JUST_TRACKING.value, _("Just keep track")

    class History(models.TextChoices):
        NONE = SubstanceHistory.NONE.value, _("No")
        PAST = SubstanceHistory.PAST.value, _("Yes, in the past")
        CURRENT = SubstanceHistory.CURRENT.value, _("Yes, now")
        NOT_SAID = SubstanceHistory.NOT_SAID.value, _("I'd rather not say")

    class Pregnancy(models.TextChoices):
        """Pregnant or breastfeeding pauses any taper plan (ACOG2017Opioid): see plans."""

        NO = "no", _("No")
        PREGNANT = "pregnant", _("Yes, I am pregnant")
        BREASTFEEDING = "breastfeeding", _("Yes, I am breastfeeding")
        NOT_SAID = "not_said", _("I'd rather not say")

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="onboarding"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    step = models.CharField(max_length=20, blank=True)
    reason = models.CharField(max_length=20, choices=ReasonChoice.choices, blank=True)
    days_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    doses_per_day = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    grams_per_dose = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    years_of_use = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    forms_used = models.JSONField(default=list, blank=True)
    substance_history = models.CharField(
        max_length=10, choices=History.choices, default=History.NOT_SAID
    )
    withdrawal_when_stopping = models.BooleanField(null=True, blank=True)
    pregnancy = models.CharField(
        max_length=14, choices=Pregnancy.choices, default=Pregnancy.NOT_SAID
    )
    self_treatment = models.JSONField(default=list, blank=True)
    phq2_answers = models.JSONField(null=True, blank=True)
    phq2_total = models.PositiveSmallIntegerField(null=True, blank=True)
    gad2_answers = models.JSONField(null=True, blank=True)
    gad2_total = models.PositiveSmallIntegerField(null=True, blank=True)
    diagnoses = models.JSONField(default=list, blank=True)
    diagnosis_note = models.CharField(max_length=200, blank=True)
    original_substance = models.CharField(max_length=80, blank=True)
    original_last_used_on = models.DateField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Kept from when it lived in goals, so moving app was a state-only change.
        db_table = "goals_onboarding"
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(days_per_week__isnull=True) | models.Q(days_per_week__lte=7),
                name="onboarding_days_per_week_range",
            ),
            models.CheckConstraint(
                condition=models.Q(doses_per_day__isnull=True) | models.Q(doses_per_day__gte=0),
                name="onboarding_doses_per_day_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(grams_per_dose__isnull=True) | models.Q(grams_per_dose__gte=0),
                name="onboarding_grams_per_dose_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(years_of_use__isnull=True) | models.Q(years_of_use__gte=0),
                name="onboarding_years_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(phq2_total__isnull=True) | models.Q(phq2_total__lte=6),
                name="onboarding_phq2_range",
            ),
            models.CheckConstraint(
                condition=models.Q(gad2_total__isnull=True) | models.Q(gad2_total__lte=6),
                name="onboarding_gad2_range",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["reason"])]

    def __str__(self) -> str:
        return f"onboarding of {self.owner_id} ({self.status})"

    @property
    def pauses_taper(self) -> bool:
        """Pregnant or breastfeeding: no automatic cuts; plan changes go through a clinician."""
        return self.pregnancy in (self.Pregnancy.PREGNANT, self.Pregnancy.BREASTFEEDING)

    @property
    def finished(self) -> bool:
        """Completed or skipped: either way the "finish setting up" prompt goes away."""
        return self.status != self.Status.IN_PROGRESS


# Labels for the closed lists stored as JSON (the values are the core's enums).
SELF_TREATMENT_LABELS = {
    SelfTreatment.PAIN.value: _("Pain"),
    SelfTreatment.MOOD.value: _("Mood"),
    SelfTreatment.ENERGY.value: _("Energy"),
    SelfTreatment.SLEEP.value: _("Sleep"),
    SelfTreatment.OPIOID_WITHDRAWAL.value: _("Withdrawal from opioids"),
}


DIAGNOSIS_LABELS = {
    Diagnosis.ANXIETY.value: _("Anxiety"),
    Diagnosis.DEPRESSION.value: _("Depression"),
    Diagnosis.OTHER.value: _("Another mental-health condition"),
}


class Medicine(models.Model):
    """A medicine the person takes, as they name it (the interaction checker reads the list)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="medicines"
    )
    name = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # Kept from when it lived in goals, so moving app was a state-only change.
        db_table = "goals_medicine"
        ordering: ClassVar[list[str]] = ["name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(Lower("name"), "owner", name="medicine_name_unique_per_owner"),
        ]

    def __str__(self) -> str:
        return self.name
