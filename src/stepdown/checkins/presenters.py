"""Plain-data views of instruments, responses and the due list, for the API, pages and CLI."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse

from stepdown.checkins.models import Response
from stepdown.checkins.selectors import DueItem
from stepdown.checkins.services import needs_crisis
from stepdown.core.instruments import Instrument, Item, get_instrument
from stepdown.web.resources import CRISIS_LINES, SUPPORT_LINES


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def item_json(item: Item) -> dict[str, Any]:
    return {
        "code": item.code,
        "text": item.text,
        "kind": item.kind.value,
        "options": [{"value": o.value, "label": o.label} for o in item.options],
        "minimum": _number(item.minimum),
        "maximum": _number(item.maximum),
        "decimal_places": item.decimal_places,
        "unit": item.unit,
        "min_label": item.min_label,
        "max_label": item.max_label,
        "max_length": item.max_length,
        "optional": item.optional,
        "asked_if": (
            {"items": list(item.asked_if.items), "minimum": item.asked_if.minimum}
            if item.asked_if
            else None
        ),
        "section": item.section,
        "help_text": item.help_text,
    }


def instrument_summary_json(instrument: Instrument) -> dict[str, Any]:
    return {
        "code": instrument.code,
        "name": instrument.name,
        "version": instrument.version,
        "description": instrument.description,
        "audience": instrument.audience.value,
        "validated": instrument.validated,
        "wording": instrument.wording.value,
        "time_window": instrument.time_window,
        "default_interval_days": instrument.default_interval_days,
        "item_count": len(instrument.items),
    }


def instrument_json(instrument: Instrument) -> dict[str, Any]:
    low, high = instrument.total_range
    return instrument_summary_json(instrument) | {
        "instructions": instrument.instructions,
        "items": [item_json(item) for item in instrument.items],
        "total_items": list(instrument.total_items),
        "total_label": instrument.total_label,
        "total_range": [low, high],
        "subscores": [
            {"code": s.code, "label": s.label, "items": list(s.items)} for s in instrument.subscores
        ],
        "bands": [
            {"name": b.name, "label": b.label, "low": b.low, "high": b.high}
            for b in instrument.bands
        ],
        "flags": [
            {"code": f.code, "description": f.description, "sources": list(f.sources)}
            for f in instrument.flags
        ],
        "reference_cutoffs": [
            {"population": c.population, "at_least": c.at_least, "source": c.source, "note": c.note}
            for c in instrument.reference_cutoffs
        ],
        "licence": instrument.licence,
        "attribution": instrument.attribution,
        "sources": list(instrument.sources),
        "notes": list(instrument.notes),
    }


def band_label(instrument_code: str, band: str) -> str | None:
    for candidate in get_instrument(instrument_code).bands:
        if candidate.name == band:
            return candidate.label
    return None


def crisis_json(response: Response) -> dict[str, Any]:
    """What an API client needs to show help at once, before any score."""
    offer_asq = response.instrument == "phq9"
    return {
        "url": reverse("checkins:crisis") + f"?response={response.pk}",
        "message": (
            "Your answers say you may be having thoughts of harming yourself. You do not have to "
            "face this alone: help is there right now."
        ),
        "lines": [
            {"region": line.region, "name": line.name, "how": line.how, "href": line.href}
            for line in (*CRISIS_LINES, *SUPPORT_LINES)
        ],
        "emergency": "Call your local emergency number if you are in danger now.",
        "safety_plan_url": reverse("checkins:safety_plan"),
        "offer_asq": offer_asq,
        "asq_url": reverse("checkins:answer", args=["asq"]) if offer_asq else None,
    }


def response_json(response: Response) -> dict[str, Any]:
    flags = list(response.flags)
    return {
        "id": response.pk,
        "instrument": response.instrument,
        "version": response.version,
        "local_date": response.local_date,
        "scheduled": response.scheduled,
        "window_start": response.window_start,
        "window_end": response.window_end,
        "answers": response.answers,
        "total": response.total,
        "complete": response.complete,
        "band": response.band or None,
        "band_label": band_label(response.instrument, response.band) if response.band else None,
        "subscores": response.subscores,
        "flags": flags,
        "crisis": crisis_json(response) if needs_crisis(flags) else None,
        "client_id": response.client_id,
        "created_at": response.created_at,
        "updated_at": response.updated_at,
    }


def due_json(item: DueItem) -> dict[str, Any]:
    return {
        "instrument": item.instrument,
        "name": item.name,
        "status": item.status.value,
        "window_start": item.window_start,
        "window_end": item.window_end,
        "next_due": item.next_due,
        "response_id": item.response_id,
        "missed_previous": item.missed_previous,
        "preferred_time": item.preferred_time.strftime("%H:%M") if item.preferred_time else None,
        "url": reverse("checkins:answer", args=[item.instrument]),
    }
