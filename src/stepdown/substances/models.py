"""Uses of other substances (alcohol, opioids, benzodiazepines...) that a person logs.

Kratom doses live in the journal app; this table holds everything else, because many of these
substances interact with kratom and, in opioid recovery, one of them is the original substance.
The person's medicines list is not here: it is part of the profile (``profile.Medicine``).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop, ngettext

from stepdown.core.interactions import SUBSTANCE_CATEGORIES
from stepdown.web.formatting import number


class SubstanceUse(models.Model):
    """One logged use of another substance.

    ``resolved_name`` is what the interaction checker recognised ``name`` as when it was saved
    ("Percocet" → "oxycodone"), empty when no name was given or it was not recognised; it lets
    the recovery selector find uses of the original substance with one indexed query.
    ``interaction_alerted_at`` is set once the high-severity ``interaction`` alert for this use
    has been recorded, so the Today page does not record it again on every view.
    """

    # The labels stay English (alerts, the API and ``label`` read them); pages translate them
    # where they show them (``shown_label``, the form's choices).
    class Category(models.TextChoices):
        ALCOHOL = "alcohol", gettext_noop("Alcohol")
        OPIOIDS = "opioids", gettext_noop("Opioids")
        BENZODIAZEPINES = "benzodiazepines", gettext_noop("Benzodiazepines")
        STIMULANTS = "stimulants", gettext_noop("Stimulants")
        CANNABIS = "cannabis", gettext_noop("Cannabis")
        OTHER = "other", gettext_noop("Other")

    class Unit(models.TextChoices):
        STANDARD_DRINK = "standard_drink", gettext_noop("standard drinks")
        MILLIGRAM = "mg", "mg"
        GRAM = "g", "g"
        MILLILITRE = "ml", "ml"
        TABLET = "tablet", gettext_noop("tablets")
        DOSE = "dose", gettext_noop("doses")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="substance_uses"
    )
    category = models.CharField(max_length=20, choices=Category.choices)
    name = models.CharField(max_length=100, blank=True)
    resolved_name = models.CharField(max_length=200, blank=True)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    unit = models.CharField(max_length=16, choices=Unit.choices)
    taken_at = models.DateTimeField()
    note = models.CharField(max_length=500, blank=True)
    client_id = models.UUIDField(null=True, blank=True)
    interaction_alerted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-taken_at"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "client_id"], name="substance_use_client_id_unique_per_owner"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="substance_use_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(category__in=list(SUBSTANCE_CATEGORIES)),
                name="substance_use_category_known",
            ),
            # Alcohol is counted in standard drinks, and only alcohol is.
            models.CheckConstraint(
                condition=models.Q(category="alcohol", unit="standard_drink")
                | (~models.Q(category="alcohol") & ~models.Q(unit="standard_drink")),
                name="substance_use_alcohol_in_standard_drinks",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "-taken_at"])]

    def __str__(self) -> str:
        return f"{self.category} {self.amount} {self.unit} at {self.taken_at:%Y-%m-%d %H:%M}"

    @property
    def label(self) -> str:
        """What to call it in a sentence: the name as typed, or the category ("alcohol")."""
        return self.name or self.get_category_display().lower()

    @property
    def amount_label(self) -> str:
        """The amount with its unit, singular for one: "1 standard drink", "2 doses", "20 mg"."""
        amount = f"{self.amount.normalize():f}"
        unit = UNIT_SINGULAR.get(self.unit) if self.amount == 1 else None
        return f"{amount} {unit or self.get_unit_display()}"

    @property
    def shown_label(self) -> str:
        """``label`` as a page shows it: the category in the reader's language."""
        return self.name or gettext(self.get_category_display()).lower()

    @property
    def shown_amount(self) -> str:
        """``amount_label`` as a page shows it: "1 verre standard", "2,5 mg" in French."""
        # Plural rules take a whole number; a fraction of a unit reads as plural.
        count = int(self.amount) if self.amount == int(self.amount) else 2
        values = {"amount": number(self.amount)}
        if self.unit == SubstanceUse.Unit.STANDARD_DRINK:
            text = ngettext("%(amount)s standard drink", "%(amount)s standard drinks", count)
        elif self.unit == SubstanceUse.Unit.TABLET:
            text = ngettext("%(amount)s tablet", "%(amount)s tablets", count)
        elif self.unit == SubstanceUse.Unit.DOSE:
            text = ngettext("%(amount)s dose", "%(amount)s doses", count)
        else:
            text = "%(amount)s " + self.unit  # mg, g and ml read the same in every language
        return text % values


UNIT_SINGULAR: dict[str, str] = {
    SubstanceUse.Unit.STANDARD_DRINK.value: "standard drink",
    SubstanceUse.Unit.TABLET.value: "tablet",
    SubstanceUse.Unit.DOSE.value: "dose",
}
