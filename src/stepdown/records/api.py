"""API routes of the whole record; each topic has its own router module."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["your record"])
