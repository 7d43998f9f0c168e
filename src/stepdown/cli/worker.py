"""``stepdown worker``: background tasks and reminder emails."""

from __future__ import annotations

import os
import time
from urllib.parse import urlsplit

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop


def clean_site_url(url: str) -> str:
    """The address people open Stepdown at, without a trailing slash; ``ValueError`` if it is
    not an http(s) address with a host and nothing after the path."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(_("%(url)s is not an http:// or https:// address") % {"url": repr(url)})
    if parts.query or parts.fragment:
        raise ValueError(_("%(url)s must not have a query or a fragment") % {"url": repr(url)})
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


LOCAL_SITE_URL = "http://127.0.0.1:8000"


def worker(
    site_url: str | None = typer.Option(
        None,
        "--site-url",
        envvar="STEPDOWN_SITE_URL",
        show_default=LOCAL_SITE_URL,
        help=gettext_noop(
            "The address people open Stepdown at; used for the links in reminder emails. "
            "Required in production (or STEPDOWN_SITE_URL)."
        ),
    ),
    interval: float = typer.Option(
        30, min=1, max=3600, help=gettext_noop("Seconds to wait between rounds.")
    ),
    once: bool = typer.Option(
        False, "--once", help=gettext_noop("Run one round, then exit (e.g. from cron).")
    ),
) -> None:
    """Send due reminders by email, run queued background tasks and the daily checks."""
    if site_url is None:
        if os.environ.get("STEPDOWN_ENV") == "production":
            # Emails with links to the worker's own machine would reach people and not work.
            fail(_("--site-url: give the address people open Stepdown at (or STEPDOWN_SITE_URL)"))
        site_url = LOCAL_SITE_URL
    try:
        url = clean_site_url(site_url)
    except ValueError as error:
        fail(_("%(option)s: %(problem)s") % {"option": "--site-url", "problem": error})
    # Tasks build their links from the settings (the clinic's alert emails): the address given
    # here is the one they use. Put back afterwards for a caller in the same process.
    previous = os.environ.get("STEPDOWN_SITE_URL")
    os.environ["STEPDOWN_SITE_URL"] = url
    try:
        _rounds(url, interval=interval, once=once)
    finally:
        if previous is None:
            os.environ.pop("STEPDOWN_SITE_URL", None)
        else:
            os.environ["STEPDOWN_SITE_URL"] = previous


def _rounds(url: str, *, interval: float, once: bool) -> None:
    setup_django(migrate=True)
    from django.db import close_old_connections
    from django.utils import timezone

    from stepdown.clinic.triage_store import refresh_summaries
    from stepdown.jobs import run_daily_jobs
    from stepdown.reminders.worker import run_round

    if not once:
        typer.echo(
            _("Stepdown worker running; links in emails point to %(url)s/  (Ctrl-C to stop)")
            % {"url": url}
        )
    last_daily: object = None
    try:
        while True:
            close_old_connections()
            # Daily jobs once per UTC day (and on start); they are idempotent.
            if timezone.now().date() != last_daily:
                daily = run_daily_jobs()
                last_daily = timezone.now().date()
                typer.echo(
                    _(
                        "Daily checks: %(people)s people, %(notices)s new alert(s) or nudge(s), "
                        "%(snapshots)s risk snapshot(s)."
                    )
                    % {
                        "people": daily.people,
                        "notices": daily.new_notices,
                        "snapshots": daily.snapshots,
                    }
                )
                if daily.photos_resumed:
                    typer.echo(
                        _("%(count)s interrupted photo upload(s) queued again.")
                        % {"count": daily.photos_resumed}
                    )
            result = run_round(site_url=url)
            # The clinic dashboard's summaries of whoever wrote or saw a new day since.
            refresh_summaries()
            if once:
                typer.echo(
                    _("%(count)s reminder email(s) queued; queued tasks run.")
                    % {"count": result.enqueued}
                )
                return
            time.sleep(interval)
    except KeyboardInterrupt:
        typer.echo(_("Stepdown worker stopped."))


def register(app: typer.Typer) -> None:
    app.command(
        help=gettext_noop(
            "Send due reminders by email, run queued background tasks and the daily checks."
        )
    )(worker)
