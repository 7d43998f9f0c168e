"""A COWS the clinician rates: scored by the core instrument, kept in the person's history as
entered by the clinician, 25 or more raising the severe-withdrawal alert; and acknowledging
an alert from the patient page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from tests.clinic.patient_data import COWS_24, COWS_25, COWS_MAX
from tests.mfa_helpers import verified_api, verified_web

from stepdown.alerts.models import Alert, AlertEvent
from stepdown.audit.models import AccessEvent
from stepdown.checkins.models import Response

pytestmark = pytest.mark.django_db


def _post(viewer: Any, person_id: int, answers: dict[str, Any]) -> Any:
    return verified_api(viewer).post(f"/clinic/patients/{person_id}/cows", {"answers": answers})


def _severe(person: Any) -> list[Alert]:
    return list(Alert.objects.filter(owner=person, code="severe_withdrawal"))


def test_the_item_codes_are_the_instrument_routes(clinics: Any, api: Any) -> None:
    listed = [item["code"] for item in api.get("/instruments/cows").json()["items"]]
    assert sorted(listed) == sorted(COWS_MAX)


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        (COWS_MAX, 48, "severe"),
        (COWS_25, 25, "moderately_severe"),
        (COWS_24, 24, "moderate"),
        (dict.fromkeys(COWS_MAX, 0), 0, "none"),
    ],
)
def test_cows_is_scored_by_the_published_item_scores(
    answers: dict[str, int],
    total: int,
    band: str,
    clinics: Any,
    share: Callable[..., Any],
    person: Any,
) -> None:
    share(person, clinics.riverside)
    response = _post(clinics.kim, person.pk, answers)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["total"], body["band"], body["entered_by_clinician"]) == (total, band, True)
    stored = Response.objects.get(pk=body["id"])
    assert (stored.owner_id, stored.entered_by_id, stored.total) == (
        person.pk,
        clinics.kim.pk,
        total,
    )


def test_cows_of_25_raises_the_severe_withdrawal_alert_and_24_does_not(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside)
    assert _post(clinics.kim, person.pk, COWS_24).status_code == 201
    assert _severe(person) == []
    assert _post(clinics.kim, person.pk, COWS_25).status_code == 201
    alerts = _severe(person)
    assert len(alerts) == 1
    assert alerts[0].status == "open"
    # The person sees it in their own alerts too.
    own = verified_api(person).get("/alerts").json()
    items = own["items"] if isinstance(own, dict) else own
    assert any(a["code"] == "severe_withdrawal" for a in items)


def test_the_person_sees_the_cows_in_their_history_and_the_access_log(
    clinics: Any, share: Callable[..., Any], person: Any, api: Any
) -> None:
    share(person, clinics.riverside)
    _post(clinics.kim, person.pk, COWS_25)
    mine = api.get("/responses?instrument=cows").json()
    items = mine["items"] if isinstance(mine, dict) else mine
    assert [(item["total"], item["entered_by_clinician"]) for item in items] == [(25, True)]
    event = AccessEvent.objects.get()
    assert (event.action, event.actor_id, event.data_classes) == (
        "cows",
        clinics.kim.pk,
        ["checkins"],
    )


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        (COWS_25 | {"pulse": 3}, "answers.pulse"),  # 3 is not a pulse score (0, 1, 2, 4)
        (COWS_25 | {"heartbeat": 1}, "answers.heartbeat"),
        ({k: v for k, v in COWS_25.items() if k != "tremor"}, "answers.tremor"),
    ],
)
def test_a_bad_answer_is_a_422_naming_the_field(
    answers: dict[str, Any], field: str, clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside)
    response = _post(clinics.kim, person.pk, answers)
    assert response.status_code == 422
    assert field in str(response.json())
    assert not Response.objects.filter(owner=person).exists()
    assert AccessEvent.objects.count() == 0


def test_cows_needs_the_checkins_class(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside, data_classes=("journal",))
    assert _post(clinics.kim, person.pk, COWS_25).status_code == 404
    share_other = _post(clinics.roe, person.pk, COWS_25)
    assert share_other.status_code == 404
    assert not Response.objects.filter(owner=person).exists()


def test_the_page_form_saves_a_cows(clinics: Any, share: Callable[..., Any], person: Any) -> None:
    share(person, clinics.riverside)
    client = verified_web(clinics.kim)
    response = client.post(reverse("clinic:patient_cows", args=[person.pk]), COWS_25)
    assert response.status_code == 302
    assert Response.objects.get(owner=person).total == 25
    page = client.get(reverse("clinic:patient", args=[person.pk])).content.decode()
    assert "COWS <small>(clinician)</small>" in page
    assert "Moderately severe" in page
    assert len(_severe(person)) == 1


def test_the_page_form_shows_a_missing_answer(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside)
    answers = {k: v for k, v in COWS_25.items() if k != "gooseflesh"}
    response = verified_web(clinics.kim).post(
        reverse("clinic:patient_cows", args=[person.pk]), answers
    )
    assert response.status_code == 422
    assert 'id="q-gooseflesh-error"' in response.content.decode()
    assert not Response.objects.filter(owner=person).exists()


def test_a_clinician_acknowledges_an_alert(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    share(person, clinics.riverside)
    _post(clinics.kim, person.pk, COWS_25)
    alert = _severe(person)[0]
    client = verified_web(clinics.kim)
    url = reverse("clinic:patient_alert_acknowledge", args=[person.pk, alert.pk])
    assert client.post(url).status_code == 302
    alert.refresh_from_db()
    assert alert.status == "acknowledged"
    assert AlertEvent.objects.filter(alert=alert, actor=clinics.kim).count() == 1
    assert AccessEvent.objects.filter(action="acknowledge", actor=clinics.kim).count() == 1


def test_acknowledging_through_the_api_and_scoping(
    clinics: Any, share: Callable[..., Any], person: Any, other_person: Any
) -> None:
    share(person, clinics.riverside)
    _post(clinics.kim, person.pk, COWS_25)
    alert = _severe(person)[0]
    path = f"/clinic/patients/{person.pk}/alerts/{alert.pk}/acknowledge"
    assert verified_api(clinics.roe).post(path, {}).status_code == 404
    wrong = f"/clinic/patients/{other_person.pk}/alerts/{alert.pk}/acknowledge"
    assert verified_api(clinics.kim).post(wrong, {}).status_code == 404
    alert.refresh_from_db()
    assert alert.status == "open"
    assert verified_api(clinics.kim).post(path, {}).status_code == 204
    alert.refresh_from_db()
    assert alert.status == "acknowledged"


def test_an_alert_from_data_not_shared_is_neither_shown_nor_acknowledged(
    clinics: Any, share: Callable[..., Any], person: Any
) -> None:
    """Regression: the patient page listed every open alert, whatever the consent named, so an
    alert's title disclosed data the person had not shared."""
    share(person, clinics.riverside)
    _post(clinics.kim, person.pk, COWS_25)
    alert = _severe(person)[0]
    # The person now shares only their journal: the withdrawal alert comes from check-ins.
    share(person, clinics.riverside, data_classes=("journal",))
    body = verified_api(clinics.kim).get(f"/clinic/patients/{person.pk}").json()
    assert [item["id"] for item in body["alerts"]] == []
    path = f"/clinic/patients/{person.pk}/alerts/{alert.pk}/acknowledge"
    assert verified_api(clinics.kim).post(path, {}).status_code == 404
    alert.refresh_from_db()
    assert alert.status == "open"
