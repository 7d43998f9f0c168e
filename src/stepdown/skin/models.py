"""Skin photo sessions, their photos and measurements, and a person's own account of their skin.

A session pairs a photo of an exposed site with a photo of the protected inner upper arm, taken
in the same light. Photo files live under ``MEDIA_ROOT/skin/`` with random names; the database
keeps only the random key, never anything the person typed or the camera recorded.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stepdown.core.colour import CalibrationMethod, ItaCategory


class ExposedSite(models.TextChoices):
    """Sun-exposed places where the published cases saw darkening."""

    BACK_OF_HAND = "back_of_hand", _("Back of the hand")
    FOREARM = "forearm", _("Outer forearm")
    NECK = "neck", _("Side of the neck")
    FACE = "face", _("Face (cheek or forehead)")


class PhotoSession(models.Model):
    """One sitting: an exposed site and the inner upper arm photographed in the same light.

    The comparison fields hold exposed minus reference once both photos are measured; they stay
    empty until then. ``comparison_ok`` is false when either photo failed a quality check or the
    two photos were taken in different light.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skin_sessions"
    )
    taken_at = models.DateTimeField(default=timezone.now)
    exposed_site = models.CharField(
        max_length=20, choices=ExposedSite.choices, default=ExposedSite.BACK_OF_HAND
    )
    uses_card = models.BooleanField(
        default=True, help_text="False when the person photographs without a colour card."
    )
    notes = models.CharField(max_length=1000, blank=True)
    client_id = models.UUIDField(null=True, blank=True)
    delta_ita_deg = models.FloatField(null=True, blank=True)
    delta_l = models.FloatField(null=True, blank=True)
    delta_a = models.FloatField(null=True, blank=True)
    delta_b = models.FloatField(null=True, blank=True)
    delta_e00 = models.FloatField(null=True, blank=True)
    comparison_ok = models.BooleanField(default=False)
    comparison_reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-taken_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "client_id"], name="skin_session_client_id_unique_per_owner"
            ),
            models.CheckConstraint(
                condition=models.Q(exposed_site__in=ExposedSite.values),
                name="skin_session_exposed_site_known",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["owner", "-taken_at"]),
            models.Index(fields=["owner", "exposed_site", "taken_at"]),
        ]

    def __str__(self) -> str:
        return f"Skin session {self.pk}"


class Photo(models.Model):
    """One stored photo: re-encoded, stripped of metadata, named by a random ``file_key``.

    A photo starts ``processing``: the upload is kept raw and private until the background
    worker has decoded, cleaned and stored it (then ``ready``), or could not (``failed``, with
    ``problem`` saying why in plain words). While processing, ``width_px``/``height_px`` are the
    size the stored copy will have and ``byte_size`` is the raw upload's, so the storage quota
    counts it. ``region`` is the measured area in the stored image's pixels, as JSON:
    ``{"kind": "rect", "x", "y", "width", "height"}`` or ``{"kind": "polygon", "points"}``;
    ``card_corners`` the four chart corners the person marked, when automatic detection failed.
    """

    class Role(models.TextChoices):
        EXPOSED = "exposed", _("Exposed site")
        REFERENCE = "reference", _("Inner upper arm")

    class Status(models.TextChoices):
        PROCESSING = "processing", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be used")

    session = models.ForeignKey(PhotoSession, on_delete=models.CASCADE, related_name="photos")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skin_photos"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    file_key = models.CharField(max_length=64, unique=True)
    width_px = models.PositiveIntegerField()
    height_px = models.PositiveIntegerField()
    byte_size = models.PositiveIntegerField()
    source_format = models.CharField(max_length=10)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.READY)
    problem = models.CharField(max_length=300, blank=True)
    region = models.JSONField(null=True, blank=True)
    card_corners = models.JSONField(null=True, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["role"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["session", "role"], name="skin_photo_one_per_role"),
            models.CheckConstraint(
                condition=models.Q(role__in=["exposed", "reference"]), name="skin_photo_role_known"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["processing", "ready", "failed"]),
                name="skin_photo_status_known",
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "session"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()} photo {self.pk}"


class Measurement(models.Model):
    """What the colour core measured in a photo's region (one per photo, replaced on redraw).

    ``neutral_r``/``neutral_g`` are the grey patches' raw chromaticity, kept so that two photos
    can be compared for a change of light without analysing either frame again.
    """

    photo = models.OneToOneField(Photo, on_delete=models.CASCADE, related_name="measurement")
    l_star = models.FloatField(null=True, blank=True)
    a_star = models.FloatField(null=True, blank=True)
    b_star = models.FloatField(null=True, blank=True)
    ita_deg = models.FloatField(null=True, blank=True)
    ita_category = models.CharField(
        max_length=20, blank=True, choices=[(c.value, c.value) for c in ItaCategory]
    )
    ci95_low = models.FloatField(null=True, blank=True)
    ci95_high = models.FloatField(null=True, blank=True)
    relative_luminance = models.FloatField(null=True, blank=True)
    pixels_total = models.PositiveIntegerField(default=0)
    pixels_used = models.PositiveIntegerField(default=0)
    clipped_fraction = models.FloatField(default=0.0)
    calibration = models.CharField(
        max_length=20, choices=[(m.value, m.value) for m in CalibrationMethod]
    )
    calibration_mean_delta_e00 = models.FloatField(null=True, blank=True)
    neutral_r = models.FloatField(null=True, blank=True)
    neutral_g = models.FloatField(null=True, blank=True)
    quality_ok = models.BooleanField(default=False)
    quality_reasons = models.JSONField(default=list, blank=True)
    measured_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Measurement of photo {self.photo_id}"


class SkinSite(models.TextChoices):
    """Places a person can mark in their own report."""

    FACE = "face", _("Face")
    NECK = "neck", _("Neck")
    BACK_OF_HANDS = "back_of_hands", _("Backs of the hands")
    FOREARMS = "forearms", _("Forearms")
    LOWER_LEGS = "lower_legs", _("Lower legs")
    OTHER = "other", _("Somewhere else")


class SkinColour(models.TextChoices):
    """How the person would describe the colour they see."""

    BROWN = "brown", _("Brown, like a tan")
    GREY_BLUE = "grey_blue", _("Grey or blue-grey")
    SLATE = "slate", _("Dark slate")
    NONE = "none", _("No colour change")
    NOT_SURE = "not_sure", _("Not sure")


class SkinReport(models.Model):
    """A person's own account of their skin: where, what colour, itching or tenderness, since
    when. It sits beside the measurements; neither replaces the other."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skin_reports"
    )
    sites = models.JSONField(default=list)
    colour = models.CharField(max_length=12, choices=SkinColour.choices)
    itching = models.BooleanField(default=False)
    tenderness = models.BooleanField(default=False)
    noticed_since = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=1000, blank=True)
    client_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-pk"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["owner", "client_id"], name="skin_report_client_id_unique_per_owner"
            ),
            models.CheckConstraint(
                condition=models.Q(colour__in=SkinColour.values), name="skin_report_colour_known"
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"Skin report {self.pk}"
