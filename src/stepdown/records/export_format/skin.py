"""Skin-photo sessions with their photos (the files travel in the ZIP's ``photos/`` folder) and
measurements, and the person's own skin reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stepdown.records.export_format.table import Context, Row, Table, columns
from stepdown.skin.measuring import corners_clean, quality_codes, region_clean
from stepdown.skin.models import Measurement, Photo, PhotoSession, SkinReport
from stepdown.skin.services import report_sites

if TYPE_CHECKING:
    from stepdown.accounts.models import User

PHOTO_FOLDER = "photos"


def photo_name(photo: Photo) -> str:
    """The photo's path in the ZIP: its export id and role, never the random key on disk."""
    return f"{PHOTO_FOLDER}/{photo.pk}-{photo.role}.jpg"


def _size(photo: Photo) -> dict[str, int]:
    return {"width": photo.width_px, "height": photo.height_px}


@columns("file")
def _photo_file(photo: Photo, owner: User) -> Row:
    # Only a prepared photo has a stored JPEG; one still processing or failed has none.
    return {"file": photo_name(photo) if photo.status == Photo.Status.READY else None}


def _restore_file(ctx: Context, row: Row, photo: Photo) -> None:
    name = row.get("file")
    photo.file_key = ctx.photo_key(name) if name else ctx.photo_key("")


def _photo_of_role(ctx: Context, row: Row, parent: PhotoSession | None) -> Photo | None:
    # One photo per role in a session: the session's own photo stands for the file's.
    return Photo.objects.filter(session=parent, role=row.get("role")).first()


MEASUREMENT = Table(
    name="measurement",
    model=Measurement,
    json={"quality_reasons": lambda value, item: quality_codes(value, field="quality_reasons")},
    fields=(
        "l_star",
        "a_star",
        "b_star",
        "ita_deg",
        "ita_category",
        "ci95_low",
        "ci95_high",
        "relative_luminance",
        "pixels_total",
        "pixels_used",
        "clipped_fraction",
        "calibration",
        "calibration_mean_delta_e00",
        "neutral_r",
        "neutral_g",
        "quality_ok",
        "quality_reasons",
        "measured_at",
    ),
    accessor="measurement",
    parent="photo",
    single=True,
)

PHOTOS = Table(
    name="photos",
    model=Photo,
    json={
        "region": lambda value, item: region_clean(value, **_size(item)),
        "card_corners": lambda value, item: corners_clean(value, **_size(item)),
    },
    fields=(
        "role",
        "width_px",
        "height_px",
        "byte_size",
        "source_format",
        "status",
        "problem",
        "region",
        "card_corners",
        "uploaded_at",
    ),
    children=(MEASUREMENT,),
    accessor="photos",
    parent="session",
    order=("role",),
    extra_out=_photo_file,
    extra_in=_restore_file,
    natural=_photo_of_role,
)

SKIN_SESSIONS = Table(
    name="skin_sessions",
    model=PhotoSession,
    json={
        "comparison_reasons": lambda value, item: quality_codes(value, field="comparison_reasons")
    },
    fields=(
        "taken_at",
        "exposed_site",
        "uses_card",
        "notes",
        "client_id",
        "delta_ita_deg",
        "delta_l",
        "delta_a",
        "delta_b",
        "delta_e00",
        "comparison_ok",
        "comparison_reasons",
        "created_at",
        "updated_at",
    ),
    children=(PHOTOS,),
    order=("taken_at", "pk"),
)

SKIN_REPORTS = Table(
    name="skin_reports",
    model=SkinReport,
    json={"sites": lambda value, item: report_sites(value)},
    fields=(
        "sites",
        "colour",
        "itching",
        "tenderness",
        "noticed_since",
        "note",
        "client_id",
        "created_at",
    ),
    order=("created_at", "pk"),
)

TABLES = (SKIN_SESSIONS, SKIN_REPORTS)
