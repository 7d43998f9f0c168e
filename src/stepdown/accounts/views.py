"""Sign-up, sign-in, and account settings (profile, password, API tokens)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from stepdown.accounts import mfa, rate, reauth, services
from stepdown.accounts.backends import PERSON_BACKEND
from stepdown.accounts.forms import (
    EmailAuthenticationForm,
    ProfileForm,
    SignupForm,
    StepdownPasswordChangeForm,
    StepdownSetPasswordForm,
    TokenForm,
)
from stepdown.accounts.mfa_views import start_pending_sign_in
from stepdown.accounts.models import User
from stepdown.accounts.requests import request_owner
from stepdown.accounts.tasks import send_password_reset
from stepdown.errors import InvalidInput, NotFound
from stepdown.web.site import site_url

TOO_MANY = gettext_noop(
    "Too many requests from this address in the last hour. Please try again later."
)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and not rate.take(request, "sign-up"):
        return render(request, "accounts/rate_limited.html", {"message": _(TOO_MANY)}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_signup(**form.cleaned_data, site_url=site_url(request))
        except InvalidInput as error:
            for field, message in error.problems.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            if user is None:  # confirmed by email first
                return render(request, "accounts/signup_sent.html")
            login(request, user, backend=PERSON_BACKEND)
            messages.success(
                request, _("Welcome to Stepdown. A few questions first, to set it up.")
            )
            return redirect("goals:onboarding")
    status = 422 if form.errors else 200
    return render(request, "accounts/signup.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link in the sign-up email: a page with one button (opening a link never writes, and
    mail scanners open links), which starts the account and signs the person in. The token
    works once: it depends on ``last_login``, which signing in sets."""
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        raise Http404 from None
    if user.is_active or not default_token_generator.check_token(user, token):
        raise Http404
    if request.method == "GET":
        return render(request, "accounts/signup_confirm.html")
    services.signup_confirm(user=user)
    login(request, user, backend=PERSON_BACKEND)
    messages.success(request, _("Your account is ready. A few questions first, to set it up."))
    return redirect("goals:onboarding")


class SignOutView(auth_views.LogoutView):
    """Sign out, and ask the browser to forget what it keeps for this site: its HTTP cache, the
    service worker's caches and the offline queue (IndexedDB). offline.js clears the last two
    itself too, for browsers that ignore the header; the session cookie goes with the session."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["timed_out"] = self.request.session.pop("stepdown_timed_out", False)
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if mfa.has_confirmed_device(user):  # not signed in until the code step
            return start_pending_sign_in(self.request, user, self.get_success_url())
        response = super().form_valid(form)
        reauth.mark(self.request)  # the password was just given
        return response

    def form_invalid(self, form: Any) -> HttpResponse:
        # 400, not 200: the sign-in did not happen. Same answer for a wrong password and an
        # unknown address, so it says nothing about which accounts exist.
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = StepdownPasswordChangeForm
    success_url = reverse_lazy("accounts:settings")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # The form asks for the old password; an account with an authenticator also confirms
        # a code first (recently, in this session).
        user = request.user
        if (
            isinstance(user, User)
            and mfa.has_confirmed_device(user)
            and not reauth.is_recent(request)
        ):
            return reauth.confirm_first(request, request.path)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)


class PasswordReset(auth_views.PasswordResetView):
    """Queues the email for the worker whatever the address, so the answer takes the same time
    for a known and an unknown one. Without a mail server the page explains the command-line
    reset instead of offering a form."""

    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"mail": settings.MAIL_CONFIGURED}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.MAIL_CONFIGURED:
            return self.get(request, *args, **kwargs)
        if not rate.take(request, "reset"):
            return render(
                request, "accounts/rate_limited.html", {"message": _(TOO_MANY)}, status=429
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        send_password_reset.enqueue(
            email=form.cleaned_data["email"],
            site_url=site_url(self.request),
            language=translation.get_language() or "",
        )
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDone(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = StepdownSetPasswordForm
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        messages.success(self.request, _("Your password was reset. Sign in with the new one."))
        return super().form_valid(form)


def browser_language(request: HttpRequest) -> str:
    """The language the browser's Accept-Language asks for, whatever the cookie says."""
    cookies = request.COOKIES
    request.COOKIES = {k: v for k, v in cookies.items() if k != settings.LANGUAGE_COOKIE_NAME}
    try:
        return translation.get_language_from_request(request)
    finally:
        request.COOKIES = cookies


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    user = request_owner(request)
    profile = ProfileForm(request.POST or None, instance=user, prefix="profile")
    if request.method == "POST" and profile.is_valid():
        profile.save()
        # Days are counted in the time zone: summaries computed in the old one are stale.
        services.data_changed(owner=user)
        # Said in the language just chosen; "the browser's language" also forgets the choice
        # the footer's switch left in the cookie.
        translation.activate(user.language or browser_language(request))
        messages.success(request, _("Settings saved."))
        response = redirect("accounts:settings")
        if not user.language:
            response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        return response
    context = {
        "profile_form": profile,
        "token_form": TokenForm(),
        "tokens": services.tokens_for(owner=user),
        "new_token": request.session.pop("stepdown_new_token", None),
        "token_days": settings.TOKEN_DAYS,
        "mfa_on": mfa.has_confirmed_device(user),
        "recovery_codes_left": mfa.recovery_codes_left(user),
    }
    return render(request, "accounts/settings.html", context, status=422 if profile.errors else 200)


@require_http_methods(["GET", "POST"])
def language(request: HttpRequest) -> HttpResponse:
    """The footer's language switch: Django's ``set_language`` (a cookie, then back to the page),
    and for a signed-in person the account remembers it too. A GET only goes back: it writes
    nothing (a link or a prefetch must not change the language)."""
    response = set_language(request)
    chosen = request.POST.get("language", "")
    user = request.user
    if (
        request.method == "POST"
        and isinstance(user, User)
        and translation.check_for_language(chosen)
        and chosen in dict(settings.LANGUAGES)
    ):
        services.language_set(user=user, language=chosen)
    return response


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            _token, secret = services.token_create(
                owner=request_owner(request), name=form.cleaned_data["name"]
            )
        except InvalidInput as error:
            messages.error(request, error.message)
        else:
            # Shown once on the next page, then gone: the server keeps only a hash.
            request.session["stepdown_new_token"] = secret
    else:
        messages.error(request, _("Give the token a name."))
    return redirect("accounts:settings")


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        services.token_revoke(owner=request_owner(request), token_id=token_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("Token revoked."))
    return redirect("accounts:settings")
