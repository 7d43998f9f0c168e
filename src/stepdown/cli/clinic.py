"""``stepdown clinic create``: a clinic and its first admin, from the computer that runs it."""

from __future__ import annotations

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop
from stepdown.cli.worker import LOCAL_SITE_URL, clean_site_url

clinic_app = typer.Typer(
    help=gettext_noop("Clinics: create one and its first admin."), no_args_is_help=True
)


@clinic_app.command(
    "create",
    help=gettext_noop(
        "Create a clinic with ADMIN as its admin. A new account gets a one-time link (printed "
        "here only) to choose its password."
    ),
)
def create(
    name: str = typer.Option(
        ..., "--name", help=gettext_noop("The clinic's name, as its people will see it.")
    ),
    admin: str = typer.Option(
        ...,
        "--admin",
        help=gettext_noop("The email of its first admin (the account is created if missing)."),
    ),
    site_url: str = typer.Option(
        LOCAL_SITE_URL,
        "--site-url",
        envvar="STEPDOWN_SITE_URL",
        help=gettext_noop(
            "The address people open Stepdown at (or STEPDOWN_SITE_URL), for the link."
        ),
    ),
) -> None:
    """Create a clinic with ADMIN as its admin. A new account gets a one-time link (printed
    here only) to choose its password."""
    try:
        url = clean_site_url(site_url)
    except ValueError as error:
        fail(_("%(option)s: %(problem)s") % {"option": "--site-url", "problem": error})
    setup_django(migrate=True)
    from stepdown.accounts.services import password_reset_link
    from stepdown.clinic.services import clinic_create
    from stepdown.errors import InvalidInput

    try:
        created = clinic_create(name=name, admin_email=admin)
    except InvalidInput as error:
        option = {"name": "--name", "email": "--admin", "admin": "--admin"}[error.field]
        fail(_("%(option)s: %(problem)s") % {"option": option, "problem": error.message})
    typer.echo(
        _("Created clinic %(name)s (id %(id)s).")
        % {"name": repr(created.clinic.name), "id": created.clinic.pk}
    )
    typer.echo(
        _("Its admin is %(email)s; they sign in with a second step (TOTP).")
        % {"email": created.admin.email}
    )
    if created.account_created:
        link = password_reset_link(email=created.admin.email, site_url=url)
        typer.echo(_("The account is new. Open this link to choose its password (it works once):"))
        typer.echo(link)


def register(app: typer.Typer) -> None:
    app.add_typer(clinic_app, name="clinic")
