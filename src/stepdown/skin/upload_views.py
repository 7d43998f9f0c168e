"""Pages that take photos: a new session (guidance, then both photos) and retaking one photo
(the regions and the result are in ``skin.session_views``)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from stepdown.accounts.requests import request_owner
from stepdown.errors import InvalidInput
from stepdown.skin import services
from stepdown.skin.forms import RetakeForm, SessionUploadForm
from stepdown.skin.models import Photo, PhotoSession
from stepdown.skin.photos import CheckedUpload
from stepdown.skin.session_views import ROLES, session_or_404
from stepdown.skin.uploads import capped_uploads
from stepdown.web.forms import attach_error


@csrf_exempt
@login_required
@capped_uploads
@csrf_protect
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest) -> HttpResponse:
    """Guidance, then both photos. The CSRF check runs after the upload cap is in place."""
    owner = request_owner(request)
    posted = request.method == "POST"
    # Bound on every POST: an empty one (no fields, no files) must show the form's errors.
    form = SessionUploadForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial={"client_id": uuid.uuid4()},
    )
    if posted:
        form.is_valid()
        prepared: dict[str, CheckedUpload] = {}
        # Judge every photo that arrived, even when another field is wrong, so one round trip
        # shows every problem.
        for role in ROLES:
            field = services.ROLE_FIELDS[role]
            upload = form.cleaned_data.get(field)
            if upload is None:
                continue
            try:
                prepared[role] = services.photo_check(data=upload.read(), field=field)
            except InvalidInput as error:
                form.add_error(field, error.message)
        photo_fields = set(services.ROLE_FIELDS.values())
        # A good photo is kept even when the other slot's file is bad or missing: the session
        # starts with it, and the page for the other slot shows that slot's error.
        if prepared and not set(form.errors) - photo_fields:
            try:
                result = services.session_create(
                    owner=owner,
                    exposed_site=form.cleaned_data["exposed_site"],
                    taken_at=form.cleaned_data["taken_at"],
                    notes=form.cleaned_data["notes"],
                    uses_card=not form.cleaned_data["no_card"],
                    client_id=form.cleaned_data["client_id"],
                    photos=prepared,
                )
            except InvalidInput as error:
                attach_error(form, error, {})
            else:
                missing = [role for role in ROLES if role not in prepared]
                if not missing:
                    return redirect("skin:regions", session_id=result.session.pk)
                role = missing[0]
                errors = [str(e) for e in form.errors.get(services.ROLE_FIELDS[role], [])]
                return _retake_page(
                    request,
                    result.session,
                    role,
                    errors=errors or ["Choose this photo."],
                    kept=prepared,
                )
    status = 422 if form.errors else 200
    return render(request, "skin/new.html", {"form": form}, status=status)


def _retake_page(
    request: HttpRequest,
    session: PhotoSession,
    role: str,
    *,
    form: RetakeForm | None = None,
    errors: list[str] | None = None,
    kept: dict[str, CheckedUpload] | None = None,
) -> HttpResponse:
    if form is None:
        # Bound to nothing, so the error that brought the person here shows on the field.
        form = RetakeForm(data={})
        form.full_clean()
        form.errors["photo"] = form.error_class(errors or [])
    label = Photo.Role(role).label
    form.fields["photo"].label = _("Photo of the %(site)s") % {"site": label.lower()}
    context = {
        "session": session,
        "form": form,
        "role": role,
        "role_label": label,
        "kept": [Photo.Role(r).label for r in kept or {}],
    }
    return render(request, "skin/retake.html", context, status=422 if form.errors else 200)


@csrf_exempt
@login_required
@capped_uploads
@csrf_protect
@require_http_methods(["GET", "POST"])
def photo_retake(request: HttpRequest, session_id: int, role: str) -> HttpResponse:
    owner = request_owner(request)
    session = session_or_404(owner, session_id)
    if role not in Photo.Role.values:
        raise Http404
    form = RetakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.photo_upload(
                owner=owner,
                session_id=session.pk,
                role=role,
                data=form.cleaned_data["photo"].read(),
            )
        except InvalidInput as error:
            form.add_error("photo", error.message)
        else:
            return redirect("skin:regions", session_id=session.pk)
    return _retake_page(request, session, role, form=form)
