"""API bodies of the triage dashboard (``GET /api/v1/clinic/patients``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from stepdown.clinic.dashboard import DashboardPage, Row
from stepdown.core.triage import Attention
from stepdown.schemas import Out


class AttentionOut(Out):
    code: str
    severity: str
    since: dt.datetime
    words: str

    @classmethod
    def of(cls, item: Attention) -> AttentionOut:
        return cls(
            code=item.code.value,
            severity=item.severity,
            since=item.since.astimezone(dt.UTC),
            words=item.words,
        )


class SparkDayOut(Out):
    date: dt.date
    dose_g: Decimal
    target_g: Decimal | None


class PatientRowOut(Out):
    id: int
    display_name: str
    attention: list[AttentionOut]
    last_activity_at: dt.datetime | None
    plan_status: str | None
    data_classes: list[str]
    # The last 28 local days (oldest first); empty without the journal.
    sparkline: list[SparkDayOut]

    @classmethod
    def of(cls, row: Row) -> PatientRowOut:
        return cls(
            id=row.id,
            display_name=row.display_name,
            attention=[AttentionOut.of(item) for item in row.attention],
            last_activity_at=row.last_activity_at,
            plan_status=row.plan_status,
            data_classes=list(row.data_classes),
            sparkline=[
                SparkDayOut(date=day, dose_g=dose, target_g=target)
                for day, dose, target in zip(row.days, row.daily_g, row.target_g, strict=True)
            ],
        )


class PatientListOut(Out):
    items: list[PatientRowOut]
    total: int
    page: int
    pages: int
    page_size: int

    @classmethod
    def of(cls, page: DashboardPage) -> PatientListOut:
        return cls(
            items=[PatientRowOut.of(row) for row in page.rows],
            total=page.total,
            page=page.page,
            pages=page.pages,
            page_size=page.page_size,
        )
