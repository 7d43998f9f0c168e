"""API routes: other-substance uses, the medicines list and interaction look-ups."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import ValidationError
from ninja.responses import Status

from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.core.interactions import check
from stepdown.errors import InvalidInput
from stepdown.profile import services as profile_services
from stepdown.schemas import API_ERRORS
from stepdown.substances import selectors, services
from stepdown.substances.dependence import dependence_warning
from stepdown.substances.models import SubstanceUse
from stepdown.substances.schemas import (
    MAX_NAMES,
    DependenceWarningOut,
    InteractionFilters,
    InteractionReportOut,
    MedicineOut,
    MedicinesIn,
    MedicinesOut,
    SubstanceCreatedOut,
    SubstanceFilters,
    SubstanceIn,
    SubstanceListOut,
    SubstanceOut,
    SubstancePatch,
)

router = Router(tags=["substances"])


def _fields(payload: dict[str, Any]) -> dict[str, Any]:
    """Floats from JSON become exact decimals; a null unit means the category's default."""
    fields = {k: Decimal(str(v)) if isinstance(v, float) else v for k, v in payload.items()}
    if "unit" in fields and fields["unit"] is None:
        fields["unit"] = ""
    return fields


def _is_original(owner: User, use: SubstanceUse) -> bool:
    return bool(selectors.is_original(owner=owner, uses=[use]))


@router.get(
    "/substances", response={200: SubstanceListOut, **API_ERRORS}, summary="List uses, newest first"
)
def list_substances(request: HttpRequest, filters: Query[SubstanceFilters]) -> SubstanceListOut:
    owner = request_owner(request)
    uses = selectors.substance_uses_for(owner=owner, since=filters.since, until=filters.until)
    page = list(uses[filters.offset : filters.offset + filters.limit])
    original = selectors.is_original(owner=owner, uses=page)
    return SubstanceListOut(
        items=[SubstanceOut.of(u, original=u.pk in original) for u in page],
        count=uses.count(),
        limit=filters.limit,
        offset=filters.offset,
    )


@router.post(
    "/substances",
    response={200: SubstanceCreatedOut, 201: SubstanceCreatedOut, **API_ERRORS},
    by_alias=True,
    summary="Log a use of another substance (a repeated client_id returns the original with 200)",
)
def create_substance(request: HttpRequest, payload: SubstanceIn) -> Status[SubstanceCreatedOut]:
    owner = request_owner(request)
    result = services.substance_create(owner=owner, **_fields(payload.model_dump()))
    body = SubstanceCreatedOut.of_change(
        result.use, original=_is_original(owner, result.use), warnings=result.warnings
    )
    return Status(201 if result.created else 200, body)


@router.get("/substances/{use_id}", response={200: SubstanceOut, **API_ERRORS}, summary="A use")
def get_substance(request: HttpRequest, use_id: int) -> SubstanceOut:
    owner = request_owner(request)
    use = selectors.substance_use_get(owner=owner, use_id=use_id)
    return SubstanceOut.of(use, original=_is_original(owner, use))


@router.patch(
    "/substances/{use_id}",
    response={200: SubstanceCreatedOut, **API_ERRORS},
    by_alias=True,
    summary="Change a use",
)
def patch_substance(
    request: HttpRequest, use_id: int, payload: SubstancePatch
) -> SubstanceCreatedOut:
    owner = request_owner(request)
    changes = _fields(payload.model_dump(exclude_unset=True))
    result = services.substance_update(owner=owner, use_id=use_id, **changes)
    return SubstanceCreatedOut.of_change(
        result.use, original=_is_original(owner, result.use), warnings=result.warnings
    )


@router.delete("/substances/{use_id}", response={204: None, **API_ERRORS}, summary="Delete a use")
def delete_substance(request: HttpRequest, use_id: int) -> Status[None]:
    services.substance_delete(owner=request_owner(request), use_id=use_id)
    return Status(204, None)


def _split_names(raw: str) -> list[str]:
    names = [" ".join(part.split()) for part in raw.split(",")]
    names = [name for name in names if name]
    if not names:
        raise InvalidInput("names", _("Give at least one name."))
    if len(names) > MAX_NAMES:
        raise InvalidInput(
            "names", _("Give at most %(count)s names at a time.") % {"count": MAX_NAMES}
        )
    if any(len(name) > 100 for name in names):
        raise InvalidInput("names", _("Keep each name to 100 characters."))
    return names


@router.get(
    "/interactions",
    response={200: list[InteractionReportOut], **API_ERRORS},
    by_alias=True,
    summary="Check names for interactions with kratom (same shape as the CLI's JSON)",
)
def interactions(
    request: HttpRequest, filters: Query[InteractionFilters]
) -> list[InteractionReportOut]:
    try:
        names = _split_names(filters.names)
    except InvalidInput as error:
        raise _query_error(error) from None
    return [InteractionReportOut.of(report) for report in check(names)]


@router.get(
    "/interactions/{name}",
    response={200: list[InteractionReportOut], **API_ERRORS},
    by_alias=True,
    summary="Check one name for interactions with kratom",
)
def interactions_for_name(request: HttpRequest, name: str) -> list[InteractionReportOut]:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 100:
        refusal = InvalidInput("name", _("Give a name of 1 to 100 characters."))
        raise _query_error(refusal, "path")
    return [InteractionReportOut.of(report) for report in check([cleaned])]


def _query_error(error: InvalidInput, where: str = "query") -> ValidationError:
    """A check of a query or path value fails like a schema error: 422 at [where, field]."""
    return ValidationError([{"loc": [where, error.field], "msg": error.message, "type": "invalid"}])


def _medicines(owner: User) -> MedicinesOut:
    dependence = dependence_warning(owner=owner)
    return MedicinesOut(
        medicines=[MedicineOut.of(r) for r in selectors.medicine_reports(owner=owner)],
        dependence_warning=None if dependence is None else DependenceWarningOut.of(dependence),
    )


@router.get(
    "/medicines",
    response={200: MedicinesOut, **API_ERRORS},
    by_alias=True,
    summary="The person's medicines, each with its interactions",
)
def list_medicines(request: HttpRequest) -> MedicinesOut:
    return _medicines(request_owner(request))


@router.put(
    "/medicines",
    response={200: MedicinesOut, **API_ERRORS},
    by_alias=True,
    summary="Replace the medicines list",
)
def replace_medicines(request: HttpRequest, payload: MedicinesIn) -> MedicinesOut:
    owner = request_owner(request)
    profile_services.medicines_set(owner=owner, names=payload.medicines, confirm=payload.confirm)
    return _medicines(owner)
