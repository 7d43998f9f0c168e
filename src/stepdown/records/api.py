"""API routes of the whole record; each topic has its own router module."""

from __future__ import annotations

from ninja import Router

from stepdown.records import export_api
from stepdown.records.fhir.fhir_api import router as fhir_router

router = Router(tags=["your record"])
router.add_router("/", fhir_router)  # FHIR R4: Patient/{id}/$everything
router.add_router("/", export_api.router)  # POST /export
