"""``stepdown password-reset``: a new password on a computer without a mail server;
``stepdown mfa-reset``: a lost authenticator app removed."""

from __future__ import annotations

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop
from stepdown.cli.worker import LOCAL_SITE_URL, clean_site_url


def password_reset(
    email: str = typer.Argument(..., help=gettext_noop("The email address of the account.")),
    site_url: str = typer.Option(
        LOCAL_SITE_URL,
        "--site-url",
        envvar="STEPDOWN_SITE_URL",
        help=gettext_noop("The address people open Stepdown at (or STEPDOWN_SITE_URL)."),
    ),
) -> None:
    """Print a one-time link to choose a new password, in this terminal only."""
    try:
        url = clean_site_url(site_url)
    except ValueError as error:
        fail(_("%(option)s: %(problem)s") % {"option": "--site-url", "problem": error})
    setup_django()
    from stepdown.accounts.services import password_reset_link
    from stepdown.errors import NotFound

    try:
        link = password_reset_link(email=email, site_url=url)
    except NotFound:
        fail(_("no active account with the email %(email)s") % {"email": email})
    typer.echo(_("Open this link in your browser to choose a new password (it works once):"))
    typer.echo(link)


def mfa_reset(
    email: str = typer.Argument(..., help=gettext_noop("The email address of the account.")),
) -> None:
    """Remove the account's authenticator app and recovery codes (a lost phone)."""
    setup_django()
    from stepdown.accounts.mfa import mfa_remove
    from stepdown.accounts.models import User

    user = User.objects.filter(email=email.strip().lower()).first()
    if user is None:
        fail(_("no account with the email %(email)s") % {"email": email})
    mfa_remove(user=user)
    typer.echo(
        _(
            "Removed the authenticator app and recovery codes; the account sets up a new one "
            "at its next sign-in if it must use one."
        )
    )


def register(app: typer.Typer) -> None:
    app.command(
        "password-reset",
        help=gettext_noop("Print a one-time link to choose a new password, in this terminal only."),
    )(password_reset)
    app.command(
        "mfa-reset",
        help=gettext_noop(
            "Remove the account's authenticator app and recovery codes (a lost phone)."
        ),
    )(mfa_reset)
