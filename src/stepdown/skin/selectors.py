"""Reads of the skin tracker, always scoped to one owner."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Prefetch, QuerySet

from stepdown.accounts.models import User
from stepdown.core.colour import ChangeAssessment, QualityCode, SessionPoint, assess_change
from stepdown.errors import NotFound
from stepdown.skin.models import ExposedSite, Photo, PhotoSession, SkinReport


def sessions_for(*, owner: User, site: str | None = None) -> QuerySet[PhotoSession]:
    """Sessions newest first, with their photos and measurements in one extra query."""
    sessions = PhotoSession.objects.filter(owner=owner).prefetch_related(
        Prefetch("photos", queryset=Photo.objects.select_related("measurement"))
    )
    return sessions if site is None else sessions.filter(exposed_site=site)


def session_get(*, owner: User, session_id: int) -> PhotoSession:
    try:
        return sessions_for(owner=owner).get(pk=session_id)
    except PhotoSession.DoesNotExist:
        raise NotFound("session") from None


def photo_get(*, owner: User, photo_id: int) -> Photo:
    try:
        return Photo.objects.select_related("session").get(owner=owner, pk=photo_id)
    except Photo.DoesNotExist:
        raise NotFound("photo") from None


def photos_by_role(session: PhotoSession) -> dict[str, Photo]:
    """A session's photos keyed by role (uses the prefetched rows)."""
    return {photo.role: photo for photo in session.photos.all()}


def measurement_of(photo: Photo | None) -> Any:
    """A photo's measurement, or ``None`` when its region has not been measured yet."""
    if photo is None:
        return None
    try:
        return photo.measurement
    except Photo.measurement.RelatedObjectDoesNotExist:
        return None


def previous_region(*, owner: User, session: PhotoSession, role: str) -> Photo | None:
    """The most recent earlier photo of the same role (and the same exposed site) that has a
    region, to propose its region again."""
    photos = Photo.objects.filter(
        owner=owner, role=role, region__isnull=False, session__taken_at__lte=session.taken_at
    ).exclude(session=session)
    if role == Photo.Role.EXPOSED:
        photos = photos.filter(session__exposed_site=session.exposed_site)
    return photos.order_by("-session__taken_at", "-pk").first()


def sites_with_sessions(*, owner: User) -> list[str]:
    """Exposed sites this person has photographed, most recently used first."""
    rows = (
        PhotoSession.objects.filter(owner=owner)
        .values("exposed_site")
        .annotate(last=Max("taken_at"))
        .order_by("-last")
    )
    return [row["exposed_site"] for row in rows]


@dataclass(frozen=True)
class TrendPoint:
    session_id: int
    taken_at: Any
    delta_ita_deg: float


@dataclass(frozen=True)
class Trend:
    """The series of usable sessions for one exposed site and the core's verdict on it."""

    site: str
    points: tuple[TrendPoint, ...]
    assessment: ChangeAssessment
    # Sessions left out because ITA is unsteady at their low b* (docs/skin.md); shown, not counted.
    unreliable: tuple[TrendPoint, ...] = ()


def trend_for(*, owner: User, site: str | None = None) -> Trend:
    """ΔITA over time for one exposed site (default: the most recently photographed).

    Only sessions whose pair passed the quality checks count, and calibrated and uncalibrated
    sessions are never mixed: the series keeps the kind of the most recent usable session.
    Sessions whose ITA is flagged unreliable (b* near zero) are kept apart in ``unreliable``.
    One query of plain numbers, whatever the length of the history.
    """
    if site is None:
        sites = sites_with_sessions(owner=owner)
        site = sites[0] if sites else ExposedSite.BACK_OF_HAND.value
    rows = list(
        PhotoSession.objects.filter(
            owner=owner, exposed_site=site, comparison_ok=True, delta_ita_deg__isnull=False
        )
        .order_by("taken_at", "pk")
        .values_list("pk", "taken_at", "delta_ita_deg", "uses_card", "comparison_reasons")
    )
    if rows:
        kind = rows[-1][3]
        rows = [row for row in rows if row[3] == kind]
    steady = [row for row in rows if QualityCode.ITA_UNRELIABLE.value not in (row[4] or [])]
    unsteady = [row for row in rows if row not in steady]
    points = tuple(TrendPoint(row[0], row[1], float(row[2] or 0.0)) for row in steady)
    assessment = assess_change(
        sessions=[SessionPoint(taken_at=p.taken_at, delta_ita_deg=p.delta_ita_deg) for p in points]
    )
    return Trend(
        site=site,
        points=points,
        assessment=assessment,
        unreliable=tuple(TrendPoint(row[0], row[1], float(row[2] or 0.0)) for row in unsteady),
    )


def reports_for(*, owner: User) -> QuerySet[SkinReport]:
    return SkinReport.objects.filter(owner=owner)


def photo_measuring(photo: Photo) -> bool:
    """True while the worker still has work to do on the photo: preparing the upload, or
    measuring a region drawn on it."""
    if photo.status == Photo.Status.PROCESSING:
        return True
    return photo.region is not None and measurement_of(photo) is None
