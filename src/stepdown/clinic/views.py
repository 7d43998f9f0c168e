"""Clinic pages: the clinicians' side (members, invitations) and a person's sharing pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from stepdown.accounts.backends import PERSON_BACKEND
from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.clinic import consents, selectors, services, wording
from stepdown.clinic.access import staff_membership
from stepdown.clinic.data_classes import ALL, describe_translated, labels
from stepdown.clinic.forms import (
    CodeForm,
    ConsentForm,
    PatientInvitationForm,
    StaffInviteForm,
    StaffSignupForm,
)
from stepdown.clinic.guards import staff_page
from stepdown.clinic.models import Consent, PatientInvitation
from stepdown.errors import InvalidInput, NotFound
from stepdown.web.forms import attach_error
from stepdown.web.site import site_url

# -- the clinicians' side -----------------------------------------------------------------------


@staff_page
def home(request: HttpRequest) -> HttpResponse:
    viewer = request_owner(request)
    context = {
        "memberships": selectors.memberships_of(viewer=viewer),
        "people": [
            (person, labels(person.data_classes)) for person in selectors.people_for(viewer=viewer)
        ],
        "notice": wording.notice(),
    }
    return render(request, "clinic/home.html", context)


def _members_page(
    request: HttpRequest, clinic_id: int, form: StaffInviteForm, status: int = 200
) -> HttpResponse:
    viewer = request_owner(request)
    try:
        membership = staff_membership(viewer, clinic_id=clinic_id, admin=True)
    except NotFound:
        raise Http404 from None
    context = {
        "clinic": membership.clinic,
        "members": selectors.members_of(viewer=viewer, clinic_id=clinic_id),
        "invitations": selectors.open_staff_invitations(viewer=viewer, clinic_id=clinic_id),
        "form": form,
    }
    return render(request, "clinic/members.html", context, status=status)


@staff_page
def members(request: HttpRequest, clinic_id: int) -> HttpResponse:
    return _members_page(request, clinic_id, StaffInviteForm())


@staff_page
@require_POST
def member_invite(request: HttpRequest, clinic_id: int) -> HttpResponse:
    form = StaffInviteForm(request.POST)
    if form.is_valid():
        try:
            services.staff_invite(
                admin=request_owner(request),
                clinic_id=clinic_id,
                site_url=site_url(request),
                **form.cleaned_data,
            )
        except NotFound:
            raise Http404 from None
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Invitation sent. The link works once, for 7 days."))
            return redirect("clinic:members", clinic_id=clinic_id)
    return _members_page(request, clinic_id, form, status=422)


@staff_page
@require_POST
def member_deactivate(request: HttpRequest, clinic_id: int, member_id: int) -> HttpResponse:
    try:
        staff_membership(request_owner(request), clinic_id=clinic_id, admin=True)
        services.membership_deactivate(admin=request_owner(request), membership_id=member_id)
    except NotFound:
        raise Http404 from None
    except InvalidInput as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Membership deactivated: their access has ended."))
    return redirect("clinic:members", clinic_id=clinic_id)


@staff_page
@require_http_methods(["GET", "POST"])
def invitation_new(request: HttpRequest, clinic_id: int) -> HttpResponse:
    """Invite a person: the code and link are shown once, on the answer to the POST."""
    viewer = request_owner(request)
    try:
        membership = staff_membership(viewer, clinic_id=clinic_id)
        clinicians = selectors.clinicians_of(viewer=viewer, clinic_id=clinic_id)
    except NotFound:
        raise Http404 from None
    choices = [(m.user_id, wording.person_name(m.user)) for m in clinicians]
    form = PatientInvitationForm(request.POST or None, choices=choices)
    context: dict[str, object] = {"clinic": membership.clinic, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            invitation, code = services.patient_invitation_create(
                clinician=viewer,
                clinic_id=clinic_id,
                clinician_ids=[int(pk) for pk in form.cleaned_data["clinicians"]],
            )
        except InvalidInput as error:
            attach_error(form, error, {"clinician_ids": "clinicians"})
        else:
            context |= {
                "invitation": invitation,
                "code": code,
                "url": services.patient_invitation_link(code, site_url(request)),
            }
            return render(request, "clinic/invitation_new.html", context, status=201)
    return render(
        request, "clinic/invitation_new.html", context, status=422 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def staff_join(request: HttpRequest, invitation_id: int, token: str) -> HttpResponse:
    """The link in an invitation email: sign in (or create the account), then accept."""
    try:
        invitation = selectors.staff_invitation_open(invitation_id=invitation_id, token=token)
    except NotFound:
        return render(request, "clinic/staff_join_invalid.html", status=404)
    context: dict[str, object] = {"invitation": invitation}
    user = request.user
    if user.is_authenticated:
        viewer = request_owner(request)
        context["wrong_account"] = viewer.email != invitation.email
        if request.method == "POST" and not context["wrong_account"]:
            try:
                services.staff_invitation_accept(invitation=invitation, user=viewer)
            except NotFound:  # accepted or expired a moment ago
                return render(request, "clinic/staff_join_invalid.html", status=404)
            messages.success(
                request, _("You joined %(clinic)s.") % {"clinic": invitation.clinic.name}
            )
            return redirect("clinic:home")
        return render(request, "clinic/staff_join.html", context)
    has_account = User.objects.filter(email=invitation.email).exists()
    form = StaffSignupForm(request.POST or None) if not has_account else None
    context |= {"has_account": has_account, "form": form}
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            membership = services.staff_signup_and_accept(
                invitation=invitation,
                password=form.cleaned_data["password"],
                display_name=form.cleaned_data["display_name"],
            )
        except InvalidInput as error:
            attach_error(form, error)
        except NotFound:
            return render(request, "clinic/staff_join_invalid.html", status=404)
        else:
            login(request, membership.user, backend=PERSON_BACKEND)
            messages.success(
                request, _("You joined %(clinic)s.") % {"clinic": invitation.clinic.name}
            )
            return redirect("clinic:home")
    status = 422 if form is not None and form.errors else 200
    return render(request, "clinic/staff_join.html", context, status=status)


# -- a person's side: sharing with a clinic ----------------------------------------------------


@login_required
def sharing(request: HttpRequest) -> HttpResponse:
    found = selectors.consents_of(owner=request_owner(request))
    context = {
        # Each consent with the kinds of data it shares, in the page's words.
        "consents": [(consent, labels(consent.data_classes)) for consent in found],
        "code_form": CodeForm(),
    }
    return render(request, "clinic/sharing.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    """Type the code from the clinic: a valid one opens its consent form."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            selectors.invitation_by_code(form.cleaned_data["code"])
        except InvalidInput as error:
            attach_error(form, error, {"invitation_code": "code"})
        else:
            from stepdown.clinic.codes import normalise_code

            return redirect("clinic:join_code", code=normalise_code(form.cleaned_data["code"]))
    return render(request, "clinic/join.html", {"form": form}, status=422 if form.errors else 200)


def _consent_context(
    form: ConsentForm, clinic_name: str, clinicians: list[User], **extra: object
) -> dict[str, object]:
    return {
        "form": form,
        "clinic_name": clinic_name,
        "recipients": wording.recipients_text(clinic_name, clinicians, translate=_),
        "classes": describe_translated(ALL),
        "purpose": _(wording.PURPOSE_TEXT),
        "revoke_text": _(wording.REVOKE_TEXT_PAGE),
        "notice": wording.notice(),
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def join_code(request: HttpRequest, code: str) -> HttpResponse:
    """The consent form for an invitation: every element of §2.31, each choice the person's."""
    try:
        invitation: PatientInvitation = selectors.invitation_by_code(code)
    except InvalidInput:
        return render(request, "clinic/join_invalid.html", status=404)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consents.consent_sign(
                owner=request_owner(request),
                invitation_code=code,
                **form.cleaned_data,
            )
        except InvalidInput as error:
            if error.field == "invitation_code":
                return render(request, "clinic/join_invalid.html", status=404)
            attach_error(form, error)
        else:
            messages.success(
                request,
                _("You now share with %(clinic)s.") % {"clinic": invitation.clinic.name},
            )
            return redirect("clinic:sharing")
    context = _consent_context(
        form, invitation.clinic.name, list(invitation.clinicians.all()), code=code
    )
    return render(request, "clinic/consent_form.html", context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def consent_change(request: HttpRequest, consent_id: int) -> HttpResponse:
    """Change what is shared with a clinic: a new signed version of the consent."""
    owner = request_owner(request)
    try:
        consent: Consent = selectors.consent_of(owner=owner, consent_id=consent_id)
    except NotFound:
        raise Http404 from None
    if consent.revoked_at is not None or consent.superseded_at is not None:
        raise Http404
    initial = {"data_classes": consent.data_classes, "expires_on": consent.expires_on}
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            consents.consent_change(owner=owner, consent_id=consent_id, **form.cleaned_data)
        except InvalidInput as error:
            attach_error(form, error)
        else:
            messages.success(request, _("Saved: the new consent replaces the old one."))
            return redirect("clinic:sharing")
    context = _consent_context(
        form, consent.clinic.name, list(consent.clinicians.all()), consent=consent
    )
    return render(request, "clinic/consent_form.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def consent_revoke(request: HttpRequest, consent_id: int) -> HttpResponse:
    try:
        consent = consents.consent_revoke(owner=request_owner(request), consent_id=consent_id)
    except NotFound:
        raise Http404 from None
    messages.success(
        request,
        _("Revoked: %(clinic)s sees nothing more from now on.") % {"clinic": consent.clinic.name},
    )
    return redirect("clinic:sharing")
