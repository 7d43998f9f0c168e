"""Sign-up, sign-in, and account settings (profile, password, API tokens)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from stepdown.accounts import services
from stepdown.accounts.forms import EmailAuthenticationForm, ProfileForm, SignupForm, TokenForm
from stepdown.accounts.models import User
from stepdown.errors import InvalidInput, NotFound


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_signup(**form.cleaned_data)
        except InvalidInput as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome to Stepdown. Start by adding the product you use.")
            return redirect("journal:product_new")
    status = 422 if form.errors else 200
    return render(request, "accounts/signup.html", {"form": form}, status=status)


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["timed_out"] = self.request.session.pop("stepdown_timed_out", False)
        return context


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        messages.success(self.request, "Your password was changed.")
        return super().form_valid(form)


class PasswordReset(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDone(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        messages.success(self.request, "Your password was reset. Sign in with the new one.")
        return super().form_valid(form)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    profile = ProfileForm(request.POST or None, instance=user, prefix="profile")
    if request.method == "POST" and profile.is_valid():
        profile.save()
        # Days are counted in the time zone: summaries computed in the old one are stale.
        services.data_changed(owner=user)
        messages.success(request, "Settings saved.")
        return redirect("accounts:settings")
    context = {
        "profile_form": profile,
        "token_form": TokenForm(),
        "tokens": services.tokens_for(owner=user),
        "new_token": request.session.pop("stepdown_new_token", None),
    }
    return render(request, "accounts/settings.html", context, status=422 if profile.errors else 200)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            _, secret = services.token_create(owner=_user(request), name=form.cleaned_data["name"])
        except InvalidInput as error:
            messages.error(request, error.message)
        else:
            # Shown once on the next page, then gone: the server keeps only a hash.
            request.session["stepdown_new_token"] = secret
    else:
        messages.error(request, "Give the token a name.")
    return redirect("accounts:settings")


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        services.token_revoke(owner=_user(request), token_id=token_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, "Token revoked.")
    return redirect("accounts:settings")
