"""API shapes for the person's access log."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pydantic import Field

from stepdown.audit.models import AccessEvent
from stepdown.audit.wording import sentence
from stepdown.schemas import Out, QueryFilters


class AccessLogFilters(QueryFilters):
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=1_000_000_000)


class ActorOut(Out):
    name: str
    email: str


class AccessEventOut(Out):
    at: dt.datetime
    actor: ActorOut
    actor_role: str
    data_classes: list[str]
    kind: str
    purpose: str
    action: str
    description: str

    @classmethod
    def of(cls, event: AccessEvent, zone: ZoneInfo) -> AccessEventOut:
        return cls(
            at=event.at,
            actor=ActorOut(name=event.actor_name, email=event.actor_email),
            actor_role=event.actor_role,
            data_classes=list(event.data_classes),
            kind=event.kind,
            purpose=event.purpose,
            action=event.action,
            description=sentence(event, zone),
        )


class AccessLogOut(Out):
    items: list[AccessEventOut]
    count: int
    limit: int
    offset: int
