"""API routes for products, doses and today's summary."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from stepdown.accounts.requests import request_owner
from stepdown.journal import selectors, services
from stepdown.journal.schemas import (
    DoseCreatedOut,
    DoseFilters,
    DoseIn,
    DoseListOut,
    DoseOut,
    DosePatch,
    ProductIn,
    ProductOut,
    ProductPatch,
    RemovedOut,
    TodayOut,
)
from stepdown.journal.summary_cache import cached_today_summary
from stepdown.schemas import API_ERRORS

router = Router(tags=["journal"])


def _decimals(fields: dict[str, Any]) -> dict[str, Any]:
    """Floats from JSON become exact decimals (via their shortest text form)."""
    return {k: Decimal(str(v)) if isinstance(v, float) else v for k, v in fields.items()}


@router.get("/products", response={200: list[ProductOut], **API_ERRORS}, summary="List products")
def list_products(request: HttpRequest, include_archived: bool = False) -> list[ProductOut]:
    products = selectors.products_for(
        owner=request_owner(request), include_archived=include_archived
    )
    return [ProductOut.of(p) for p in products]


@router.post("/products", response={201: ProductOut, **API_ERRORS}, summary="Add a product")
def create_product(request: HttpRequest, payload: ProductIn) -> Status[ProductOut]:
    product = services.product_create(
        owner=request_owner(request), **_decimals(payload.model_dump())
    )
    return Status(201, ProductOut.of(product))


@router.get("/products/{product_id}", response={200: ProductOut, **API_ERRORS}, summary="A product")
def get_product(request: HttpRequest, product_id: int) -> ProductOut:
    return ProductOut.of(selectors.product_get(owner=request_owner(request), product_id=product_id))


@router.patch(
    "/products/{product_id}", response={200: ProductOut, **API_ERRORS}, summary="Change a product"
)
def patch_product(request: HttpRequest, product_id: int, payload: ProductPatch) -> ProductOut:
    changes = _decimals(payload.model_dump(exclude_unset=True))
    product = services.product_update(
        owner=request_owner(request), product_id=product_id, **changes
    )
    return ProductOut.of(product)


@router.delete(
    "/products/{product_id}",
    response={200: RemovedOut, **API_ERRORS},
    summary="Delete a product, or archive it when doses refer to it",
)
def delete_product(request: HttpRequest, product_id: int) -> RemovedOut:
    return RemovedOut(
        result=services.product_remove(owner=request_owner(request), product_id=product_id)
    )


@router.get("/doses", response={200: DoseListOut, **API_ERRORS}, summary="List doses, newest first")
def list_doses(request: HttpRequest, filters: Query[DoseFilters]) -> DoseListOut:
    doses = selectors.doses_for(
        owner=request_owner(request), since=filters.since, until=filters.until
    )
    page = list(doses[filters.offset : filters.offset + filters.limit])
    return DoseListOut(
        items=[DoseOut.of(d) for d in page],
        count=doses.count(),
        limit=filters.limit,
        offset=filters.offset,
    )


@router.post(
    "/doses",
    response={200: DoseCreatedOut, 201: DoseCreatedOut, **API_ERRORS},
    summary="Log a dose (a repeated client_id returns the original with 200)",
)
def create_dose(request: HttpRequest, payload: DoseIn) -> Status[DoseCreatedOut]:
    result = services.dose_create(owner=request_owner(request), **_decimals(payload.model_dump()))
    body = DoseCreatedOut.created(result.dose, result.flags)
    return Status(201 if result.created else 200, body)


@router.get("/doses/{dose_id}", response={200: DoseOut, **API_ERRORS}, summary="A dose")
def get_dose(request: HttpRequest, dose_id: int) -> DoseOut:
    return DoseOut.of(selectors.dose_get(owner=request_owner(request), dose_id=dose_id))


@router.patch("/doses/{dose_id}", response={200: DoseOut, **API_ERRORS}, summary="Change a dose")
def patch_dose(request: HttpRequest, dose_id: int, payload: DosePatch) -> DoseOut:
    changes = _decimals(payload.model_dump(exclude_unset=True))
    return DoseOut.of(
        services.dose_update(owner=request_owner(request), dose_id=dose_id, **changes)
    )


@router.delete("/doses/{dose_id}", response={204: None, **API_ERRORS}, summary="Delete a dose")
def delete_dose(request: HttpRequest, dose_id: int) -> Status[None]:
    services.dose_delete(owner=request_owner(request), dose_id=dose_id)
    return Status(204, None)


@router.get("/today", response={200: TodayOut, **API_ERRORS}, summary="Today's totals and averages")
def today(request: HttpRequest) -> TodayOut:
    return TodayOut.of(cached_today_summary(owner=request_owner(request)))
