"""Writes for check-ins: scoring and storing responses, a person's and a clinician's rating
(schedules are in ``checkins.schedule_services``, the safety plan in ``checkins.safety_services``).

Scores always come from the core scorer on the server. A response answers the schedule window
that is open on the day it is given, in the person's time zone; it never fills a window that has
closed (see ``windows`` and ``docs/instruments.md``).

Flags are read from whatever was answered **before** the response is checked as a whole: an
unfinished or partly wrong response whose valid answers raise a flag (PHQ-9 item 9, an ASQ "yes"
or refusal, the daily self-harm question, a warning symptom) is kept as an unfinished draft with
those flags, its safety event and alerts, instead of being refused and lost.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stepdown.accounts.clock import day_start, local_today
from stepdown.accounts.models import User
from stepdown.checkins import selectors
from stepdown.checkins.models import Response, SafetyEvent
from stepdown.checkins.wording import answer_problem, unknown_instrument
from stepdown.core.instruments import (
    Audience,
    Instrument,
    InvalidAnswerError,
    PartialResult,
    ScoreResult,
    UnknownInstrumentError,
    get_instrument,
    partial_flags,
    score_answers,
)
from stepdown.core.rules.safety import SELF_HARM_FLAGS
from stepdown.errors import InvalidInput


@dataclass(frozen=True)
class Submitted:
    """A stored response, whether it was new, and whether it must meet the crisis page."""

    response: Response
    created: bool

    @property
    def crisis(self) -> bool:
        return needs_crisis(self.response.flags)


def needs_crisis(flags: list[str] | tuple[str, ...]) -> bool:
    """Any sign of self-harm risk, from any instrument, shows crisis help first."""
    return any(flag in SELF_HARM_FLAGS for flag in flags)


def instrument_for_person(code: str) -> Instrument:
    """A self-report instrument by code; a clear error for unknown or clinician-rated ones."""
    try:
        instrument = get_instrument(code)
    except UnknownInstrumentError as error:
        raise InvalidInput("instrument", unknown_instrument(error)) from None
    if instrument.audience is Audience.CLINICIAN:
        # COWS needs an observer (pulse, pupils); the clinic features will record it.
        raise InvalidInput(
            "instrument", _("%(name)s is rated by a clinician.") % {"name": instrument.name}
        )
    return instrument


def _score(instrument: Instrument, answers: Mapping[str, object]) -> ScoreResult | PartialResult:
    """The full score; or, when the response cannot be scored yet but what was answered raises a
    flag, the partial result to keep as a draft; otherwise the clear error."""
    signal = partial_flags(instrument, dict(answers))
    try:
        return score_answers(instrument, dict(answers))
    except InvalidAnswerError as error:
        if signal.flags:
            return signal
        field = f"answers.{error.item}" if error.item else "answers"
        raise InvalidInput(field, answer_problem(error)) from None


def _json_number(value: object) -> object:
    """JSON has no Decimal: whole numbers stay ints, others become floats (at most 2 places)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _apply(response: Response, result: ScoreResult | PartialResult) -> None:
    response.version = result.version
    response.answers = {code: _json_number(v) for code, v in result.answers.items()}
    response.flags = list(result.flags)
    if isinstance(result, PartialResult):
        response.complete = False
        response.total = None
        response.band = ""
        response.subscores = {}
        return
    response.complete = True
    response.total = result.total
    response.band = result.band or ""
    response.subscores = {code: _json_number(v) for code, v in result.subscores.items()}


def response_rescore(response: Response) -> None:
    """Score ``response.answers`` with its instrument and set what scoring gives (total, band,
    subscores, flags, complete), as a new response gets them; ``InvalidInput`` when the answers
    do not fit the instrument. An import checks a file's responses with it."""
    try:
        definition = get_instrument(response.instrument)
    except UnknownInstrumentError as error:
        raise InvalidInput("instrument", unknown_instrument(error)) from None
    if not isinstance(response.answers, dict):
        raise InvalidInput("answers", _("the answers are an object of item codes and choices"))
    _apply(response, _score(definition, response.answers))


def _record_safety_event(response: Response) -> None:
    """Store a safety event for a response with a self-harm flag (once per response)."""
    flags = [flag for flag in response.flags if flag in SELF_HARM_FLAGS]
    if not flags:
        return
    severity = (
        SafetyEvent.Severity.CRITICAL if "self_harm_acute" in flags else SafetyEvent.Severity.HIGH
    )
    event, created = SafetyEvent.objects.get_or_create(
        response=response, defaults={"owner": response.owner, "severity": severity, "flags": flags}
    )
    if not created and (event.flags != flags or event.severity != severity):
        # An edit that adds "right now" makes it more urgent; an edit never erases the event.
        merged = list(dict.fromkeys([*event.flags, *flags]))
        event.flags = merged
        if "self_harm_acute" in merged:
            event.severity = SafetyEvent.Severity.CRITICAL
        event.save(update_fields=["flags", "severity"])


def response_submit(
    *,
    owner: User,
    instrument: str,
    answers: Mapping[str, object],
    client_id: uuid.UUID | None = None,
    for_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Submitted:
    """Score and store a response for today's open window (or as an extra response).

    The same ``client_id`` again returns the original response and stores nothing. ``for_date``
    lets a client say which local day it meant; any day but today is refused, so a late answer
    never fills a window that has closed.
    """
    if client_id is not None:
        existing = Response.objects.filter(owner=owner, client_id=client_id).first()
        if existing is not None:
            return Submitted(existing, created=False)
    definition = instrument_for_person(instrument)
    now = now or timezone.now()
    today = local_today(owner, now=now)
    if for_date is not None and for_date != today:
        raise InvalidInput(
            "for_date",
            _(
                "Answers count for the day they are given (today, %(today)s, in %(zone)s); the "
                "window for %(day)s is closed or not open yet. Send it again without for_date to "
                "record it for today."
            )
            % {"today": today.isoformat(), "zone": owner.time_zone, "day": for_date.isoformat()},
        )
    result = _score(definition, answers)
    response = Response(
        owner=owner,
        instrument=definition.code,
        local_date=today,
        client_id=client_id,
        created_at=now,
    )
    _apply(response, result)
    _claim_window(response, today)
    return _save_new(response)


def _claim_window(response: Response, today: dt.date) -> None:
    """A finished response answers today's open window, if no other response has answered it.

    A draft answers no window: the questionnaire is still due until it is finished.
    """
    if not response.complete or response.slot_start is not None:
        return
    owner = response.owner
    window = selectors.open_window(owner=owner, instrument=response.instrument, today=today)
    taken = (
        window is not None
        and Response.objects.filter(
            owner=owner, instrument=response.instrument, slot_start=window.start
        ).exists()
    )
    if window is not None and not taken:
        response.slot_start = window.start
        response.window_start = day_start(owner, window.start)
        response.window_end = day_start(owner, window.end)


def _save_new(response: Response) -> Submitted:
    try:
        with transaction.atomic():
            response.save()
            _record_safety_event(response)
    except IntegrityError:
        owner, client_id = response.owner, response.client_id
        if client_id is not None:
            # A concurrent retry with the same key won the race: answer with its response.
            existing = Response.objects.filter(owner=owner, client_id=client_id).first()
            if existing is not None:
                return Submitted(existing, created=False)
        if response.slot_start is None:
            raise
        # Another device answered the same window a moment earlier: keep this one as an extra.
        response.pk = None
        response.slot_start = response.window_start = response.window_end = None
        with transaction.atomic():
            response.save()
            _record_safety_event(response)
    return Submitted(response, created=True)


def response_update(
    *,
    owner: User,
    response_id: int,
    answers: Mapping[str, object],
    now: dt.datetime | None = None,
) -> Submitted:
    """Change a response's answers on the local day it counts for; it is scored again.

    Finishing a draft makes it a response like any other (it answers today's window if that is
    still free). Unfinished answers that raise a flag never replace a finished response: they are
    kept as a new draft beside it, so neither the finished scores nor the signal are lost.
    """
    response = selectors.response_get(owner=owner, response_id=response_id)
    now = now or timezone.now()
    today = local_today(owner, now=now)
    if response.local_date != today:
        raise InvalidInput(
            "answers",
            _("A check-in can be changed only on the day it counts for (%(day)s).")
            % {"day": response.local_date.isoformat()},
        )
    definition = instrument_for_person(response.instrument)
    result = _score(definition, answers)
    if isinstance(result, PartialResult) and response.complete:
        draft = Response(owner=owner, instrument=definition.code, local_date=today, created_at=now)
        _apply(draft, result)
        return _save_new(draft)
    _apply(response, result)
    _claim_window(response, today)
    try:
        with transaction.atomic():
            response.save()
            _record_safety_event(response)
    except IntegrityError:
        # Another response took the window meanwhile: this one stays an extra response.
        response.slot_start = response.window_start = response.window_end = None
        with transaction.atomic():
            response.save()
            _record_safety_event(response)
    return Submitted(response, created=False)


# --- a clinician's rating -------------------------------------------------------------------


def clinician_response_submit(
    *, owner: User, clinician: User, instrument: str, answers: Mapping[str, object]
) -> Response:
    """Score and store a clinician-rated instrument (COWS) for the person's today, marked as
    entered by ``clinician``. Saving it runs the same notice rules as any check-in (the
    response's save signal), so a severe score raises the severe-withdrawal alert. Access is the
    caller's to check; every answer must be valid (no drafts)."""
    try:
        definition = get_instrument(instrument)
    except UnknownInstrumentError as error:
        raise InvalidInput("instrument", unknown_instrument(error)) from None
    if definition.audience is not Audience.CLINICIAN:
        raise InvalidInput(
            "instrument", _("%(name)s is answered by the person.") % {"name": definition.name}
        )
    try:
        result = score_answers(definition, dict(answers))
    except InvalidAnswerError as error:
        field = f"answers.{error.item}" if error.item else "answers"
        raise InvalidInput(field, answer_problem(error)) from None
    response = Response(
        owner=owner,
        instrument=definition.code,
        local_date=local_today(owner),
        entered_by=clinician,
        created_at=timezone.now(),
    )
    _apply(response, result)
    return _save_new(response).response
