"""The onboarding pages: one step per screen, and once complete a summary of the answers with an
edit link per step. Their URL names stay in the ``goals`` namespace (``goals:onboarding``...),
where ``config/urls.py`` joins them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from stepdown.accounts.requests import request_owner
from stepdown.core.instruments import get_instrument
from stepdown.core.potency import FORM_CHOICES
from stepdown.errors import InvalidInput
from stepdown.profile import selectors, services
from stepdown.profile.forms import STEP_FORMS, MoodForm, StepForm
from stepdown.profile.models import DIAGNOSIS_LABELS, SELF_TREATMENT_LABELS, Onboarding
from stepdown.profile.steps import steps_for
from stepdown.web.formatting import date as shown_date
from stepdown.web.formatting import number
from stepdown.web.forms import attach_error


@login_required
@require_GET
def onboarding(request: HttpRequest) -> HttpResponse:
    """Resume where the person left off; once complete, a summary with an edit link per step."""
    owner = request_owner(request)
    record = selectors.onboarding_for(owner=owner)
    if record is None or record.status != Onboarding.Status.COMPLETED:
        step = record.step if record is not None and record.step else "reason"
        return redirect("goals:onboarding_step", step=step)
    return render(
        request, "profile/onboarding_review.html", {"rows": _review_rows(record), "record": record}
    )


def _review_rows(record: Onboarding) -> list[tuple[str, str, str]]:
    """(step slug, step title, answer in words) for each step the person sees."""
    forms_labels = dict(FORM_CHOICES)
    said = {
        "reason": str(record.get_reason_display() or ""),
        "pattern": _pattern_text(record),
        "products": " · ".join(
            part
            for part in (
                ", ".join(_(forms_labels.get(v, v)) for v in record.forms_used),
                _years_text(record),
            )
            if part
        ),
        "uses": ", ".join(str(SELF_TREATMENT_LABELS.get(v, v)) for v in record.self_treatment),
        "history": str(record.get_substance_history_display()),
        "mood": _mood_text(record),
        "diagnoses": " · ".join(
            part
            for part in (
                ", ".join(str(DIAGNOSIS_LABELS.get(v, v)) for v in record.diagnoses),
                str(record.get_pregnancy_display()) if record.pauses_taper else "",
            )
            if part
        ),
        "medicines": ", ".join(record.owner.medicines.values_list("name", flat=True)),
        "recovery": " · ".join(
            part
            for part in (
                record.original_substance,
                _("last used %(day)s")
                % {"day": shown_date(record.original_last_used_on, _("d M Y"))}
                if record.original_last_used_on
                else "",
            )
            if part
        ),
    }
    return [
        (step.slug, str(step.title), said.get(step.slug) or _("Not answered"))
        for step in steps_for(record.reason)
    ]


def _years_text(record: Onboarding) -> str:
    if not record.years_of_use:
        return ""
    # "0.5 years", "2 years": a fraction of a year reads as plural too.
    return _("%(years)s years") % {"years": number(record.years_of_use, 3)}


def _pattern_text(record: Onboarding) -> str:
    if record.days_per_week is None:
        return ""
    parts = [
        ngettext("%(days)s day a week", "%(days)s days a week", record.days_per_week)
        % {"days": record.days_per_week}
    ]
    if record.doses_per_day is not None:
        doses = record.doses_per_day
        # "1 dose a day"; a fraction ("1.5 doses") reads as plural, so it counts as 2.
        count = int(doses) if doses == int(doses) else 2
        parts.append(
            ngettext("%(doses)s dose a day", "%(doses)s doses a day", count)
            % {"doses": number(doses, 3)}
        )
    if record.grams_per_dose is not None:
        parts.append(_("%(grams)s g a dose") % {"grams": number(record.grams_per_dose, 3)})
    return ", ".join(parts)


def _mood_text(record: Onboarding) -> str:
    parts = []
    if record.phq2_total is not None:
        parts.append(_("PHQ-2 %(total)s of 6") % {"total": record.phq2_total})
    if record.gad2_total is not None:
        parts.append(_("GAD-2 %(total)s of 6") % {"total": record.gad2_total})
    return " · ".join(parts)


def _screen_messages(record: Onboarding) -> list[str]:
    """What a PHQ-2 or GAD-2 score means, in plain words (Kroenke2003, Kroenke2007)."""
    found = []
    for code, total, wording in (
        (
            "phq2",
            record.phq2_total,
            gettext_noop(
                "Your PHQ-2 score is %(total)s of 6, at or above 3, the point where a fuller "
                "check for low mood is recommended. It is a screen, not a diagnosis; a doctor "
                "or counsellor can tell you more, and treatment helps."
            ),
        ),
        (
            "gad2",
            record.gad2_total,
            gettext_noop(
                "Your GAD-2 score is %(total)s of 6, at or above 3, the point where a fuller "
                "check for anxiety is recommended. It is a screen, not a diagnosis; a doctor "
                "or counsellor can tell you more, and treatment helps."
            ),
        ),
    ):
        if total is None:
            continue
        band = get_instrument(code).band_for(total)
        if band is not None and band.name == "positive":
            found.append(_(wording) % {"total": total})
    return found


@login_required
@require_http_methods(["GET", "POST"])
def onboarding_step(request: HttpRequest, step: str) -> HttpResponse:
    owner = request_owner(request)
    # Not stored until the first answer (or skip) is posted: a GET never writes.
    record = selectors.onboarding_for(owner=owner) or Onboarding(owner=owner)
    order = steps_for(record.reason)
    current = next((item for item in order if item.slug == step), None)
    if current is None:
        raise Http404
    form_class = STEP_FORMS[step]
    medicines = selectors.medicines_for(owner=owner)
    form: StepForm = form_class(
        request.POST or None, initial=form_class.initial_from(record, medicines)
    )
    editing = record.status == Onboarding.Status.COMPLETED
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "skip_all":
            services.onboarding_skip(owner=owner)
            messages.info(request, _("No problem. You can finish setting up any time."))
            return redirect("today:today")
        if action == "skip_step":
            record = services.onboarding_skip_step(owner=owner, step=step)
            return _after_step(request, record, editing)
        if form.is_valid():
            try:
                record = services.onboarding_save_step(
                    owner=owner, step=step, answers=form.answers(), medicines=form.medicines()
                )
            except InvalidInput as error:
                attach_error(form, error, form_class.FIELD_MAP)
            else:
                if step == "mood":
                    for text in _screen_messages(record):
                        messages.info(request, text)
                return _after_step(request, record, editing)
    position = [item.slug for item in order].index(step) + 1
    context: dict[str, Any] = {
        "form": form,
        "step": current,
        "position": position,
        "count": len(order),
        "editing": editing,
        "groups": form.groups() if isinstance(form, MoodForm) else None,
    }
    status = 422 if form.errors else 200
    return render(request, "profile/onboarding_step.html", context, status=status)


def _after_step(request: HttpRequest, record: Onboarding, editing: bool) -> HttpResponse:
    if editing:
        messages.success(request, _("Saved."))
        return redirect("goals:onboarding")
    if record.status == Onboarding.Status.COMPLETED:
        messages.success(request, _("Thank you. Here is your risk profile and a next step."))
        return redirect("goals:risk")
    return redirect("goals:onboarding_step", step=record.step)


@login_required
@require_POST
def onboarding_skip(request: HttpRequest) -> HttpResponse:
    """ "Not now" on the set-up banner."""
    services.onboarding_skip(owner=request_owner(request))
    messages.info(request, _("No problem. You can finish setting up any time from the Risk page."))
    return redirect("today:today")
