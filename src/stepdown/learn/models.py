"""A person's own support: the people they can reach, their reasons to change, and the urges
they rode out with the urge timer."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class SupportContact(models.Model):
    """Someone the person can reach when things get hard. ``how_to_reach`` is free text (a phone
    number, an email, "text her") because people write it the way they would use it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_contacts"
    )
    name = models.CharField(max_length=80)
    how_to_reach = models.CharField(max_length=200)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=~models.Q(name=""), name="support_contact_name_not_empty"
            ),
            models.CheckConstraint(
                condition=~models.Q(how_to_reach=""), name="support_contact_reach_not_empty"
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "created_at"])]

    def __str__(self) -> str:
        return self.name


class ReasonToChange(models.Model):
    """One of the person's reasons to cut down or stop, in their own words."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reasons_to_change"
    )
    text = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["created_at", "id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=~models.Q(text=""), name="reason_text_not_empty"),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "created_at"])]

    def __str__(self) -> str:
        return self.text


class UrgeLog(models.Model):
    """An urge the person noticed: how strong it was (0–10), what helped, and, when the timer
    was used, when it started, so the history shows how long urges last for this person."""

    class Helped(models.TextChoices):
        WAITED = "waited", _("Waiting it out")
        BREATHING = "breathing", _("Slow breathing")
        MOVING = "moving", _("A walk or moving about")
        CONTACT = "contact", _("Talking to someone")
        FOOD_DRINK = "food_drink", _("Food or a drink of water")
        DISTRACTION = "distraction", _("Doing something else")
        REASONS = "reasons", _("Reading my reasons")
        NOTHING = "nothing", _("Nothing helped this time")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="urge_logs"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    logged_at = models.DateTimeField(default=timezone.now)
    strength = models.PositiveSmallIntegerField()
    # Codes from ``Helped``; a list because more than one thing often helps at once.
    helped = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=300, blank=True)
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["-logged_at", "-id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "client_id"], name="urge_client_id_unique_per_owner"
            ),
            models.CheckConstraint(
                condition=models.Q(strength__gte=0, strength__lte=10), name="urge_strength_0_10"
            ),
            models.CheckConstraint(
                condition=models.Q(started_at__isnull=True)
                | models.Q(started_at__lte=models.F("logged_at")),
                name="urge_started_before_logged",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "-logged_at"])]

    def __str__(self) -> str:
        return f"urge {self.strength}/10 at {self.logged_at:%Y-%m-%d %H:%M}"

    @property
    def minutes(self) -> int | None:
        """Whole minutes from starting the timer to logging, when the timer was used."""
        if self.started_at is None:
            return None
        return int((self.logged_at - self.started_at).total_seconds() // 60)

    @property
    def helped_labels(self) -> list[str]:
        labels = dict(self.Helped.choices)
        return [str(labels.get(code, code)) for code in self.helped]

    @property
    def helped_summary(self) -> str:
        """One line for the history: "Helped: Slow breathing." or "Nothing helped this time."."""
        if not self.helped:
            return ""
        if self.helped == [self.Helped.NOTHING]:
            return f"{self.Helped.NOTHING.label}."
        return gettext("Helped: %(ways)s.") % {"ways": ", ".join(self.helped_labels)}
