"""The report for the record: a person's consented data as a PDF (WeasyPrint), with the
Part 2 redisclosure notice in every page's footer (CSS ``@page``). Nothing is fetched while
rendering: the chart is inline SVG and every URL is refused."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from stepdown.audit.models import Kind
from stepdown.clinic import triage_wording, wording
from stepdown.clinic.data_classes import labels
from stepdown.clinic.patient import PatientData
from stepdown.clinic.patient_chart import patient_chart
from stepdown.clinic.patient_services import record_opened


def report_context(data: PatientData) -> dict[str, Any]:
    return {
        "data": data,
        "person": data.person,
        "consent": data.consent,
        "class_labels": labels(data.classes),
        "alerts": triage_wording.alert_rows(data.alerts),
        "chart": patient_chart(data.trends),
        "notice": wording.notice(),
        "made_at": timezone.now(),
    }


def render_report(data: PatientData) -> bytes:
    """The PDF's bytes. WeasyPrint is imported here: it is heavy and only this needs it."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string("clinic/patient_report.html", report_context(data))
    pdf = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()
    return bytes(pdf)  # write_pdf without a target returns the bytes


def report_pdf(request: HttpRequest, data: PatientData) -> HttpResponse:
    """The report as a download, and its one access event (kind ``pdf``)."""
    pdf = render_report(data)
    record_opened(request, data, kind=Kind.PDF)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="stepdown-report-{data.end.isoformat()}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response
