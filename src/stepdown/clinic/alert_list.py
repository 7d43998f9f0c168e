"""The clinic's open alerts (``GET /api/v1/clinic/alerts`` and ``/clinic/alerts/``): every open
alert of everyone the clinician sees, as far as each consent lets them see it.

Reads only; the callers record the ``summary`` access event of each person shown. Three queries
whatever the number of people: the consents in force (``triage.consented_people``, the same
people as the dashboard), the open alerts of all of them, and the accounts of the page's people.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from stepdown.accounts.models import User
from stepdown.alerts.models import Alert
from stepdown.clinic.dashboard import PAGE_SIZE
from stepdown.clinic.triage import consented_people
from stepdown.core.rules import Severity
from stepdown.core.triage import ALERT_NEEDS, alert_shown
from stepdown.errors import InvalidInput


@dataclass(frozen=True)
class ClinicAlert:
    """One open alert with the person it is about, named as they signed their consent."""

    alert: Alert
    person: User
    display_name: str

    @property
    def data_classes(self) -> list[str]:
        """The shared data classes the alert draws on (for the access log)."""
        return sorted(ALERT_NEEDS[self.alert.code])


@dataclass(frozen=True)
class ClinicAlertPage:
    items: list[ClinicAlert]
    total: int
    page: int
    pages: int
    page_size: int

    def shown(self) -> list[tuple[User, list[str]]]:
        """Each person on the page once, with the data classes their alerts drew on."""
        classes: dict[int, tuple[User, set[str]]] = {}
        for item in self.items:
            held = classes.setdefault(item.person.pk, (item.person, set()))
            held[1].update(item.data_classes)
        return [(person, sorted(found)) for person, found in classes.values()]


def _order(alert: Alert) -> tuple[int, float, int]:
    # The most severe first, then the newest.
    return (Severity(alert.severity).rank, -alert.created_at.timestamp(), -alert.pk)


def clinic_alerts(*, viewer: User, page: int = 1) -> ClinicAlertPage:
    """The open alerts ``viewer`` may see, most severe and newest first; ``page`` from 1."""
    if page < 1:
        raise InvalidInput("page", gettext("The page number starts at 1."))
    people = {facts.person.pk: facts for facts in consented_people(viewer)}
    rows = Alert.objects.filter(
        owner_id__in=list(people),
        kind=Alert.Kind.ALERT,
        status=Alert.Status.OPEN,
        code__in=list(ALERT_NEEDS),
    ).only("id", "owner_id", "code", "severity", "title", "created_at", "status")
    shown = [row for row in rows if alert_shown(row.code, people[row.owner_id].data_classes)]
    shown.sort(key=_order)
    total = len(shown)
    on_page = shown[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    # The accounts of the page's people only (one query), for the access log.
    accounts = User.objects.in_bulk({row.owner_id for row in on_page})
    return ClinicAlertPage(
        items=[
            ClinicAlert(
                alert=row,
                person=accounts[row.owner_id],
                display_name=people[row.owner_id].display_name,
            )
            for row in on_page
        ],
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        page_size=PAGE_SIZE,
    )
