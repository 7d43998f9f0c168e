"""Running Stepdown: serve, Django management, demo data."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import subprocess
import sys
import threading
from types import FrameType

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail, os_reason
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop
from stepdown.config.catalogue import compile_catalogues


def refuse_busy_port(host: str, port: int) -> None:
    """Stop with one line when something already listens on the port.

    granian shares a port with another server (SO_REUSEPORT), so without this check a second
    ``stepdown serve`` starts beside the first and requests land on either."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # Lets a port in TIME_WAIT from a previous run be reused; a live listener still refuses.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                fail(
                    _("port %(port)s is already in use (is Stepdown running?); try --port")
                    % {"port": port}
                )
            fail(
                _("cannot listen on %(host)s:%(port)s: %(reason)s")
                % {"host": host, "port": port, "reason": os_reason(error)}
            )


# Threads per granian worker that run the app. granian hands the WSGI app the request body as it
# arrives, so a thread stays busy for as long as an upload takes to send (a 23.5 MB photo at
# 10 MB/s: 3 s); with one thread, /healthz and every page waited that long. Four let three slow
# uploads arrive at once while the fourth answers; SQLite writers still take turns through
# IMMEDIATE transactions and the busy timeout. Figures: docs/performance.md ("Uploads and
# /healthz"); bench: benches/healthz_upload.py.
BLOCKING_THREADS = 4
# Seconds between the side worker's rounds: a skin photo is measured within this time.
SIDE_WORKER_INTERVAL_S = 5
# Seconds the server and its worker get to finish what they are doing when asked to stop.
STOP_GRACE_S = 10
# How often ``stepdown serve`` checks whether it was asked to stop or its server ended.
STOP_POLL_S = 0.5


def granian_command(
    *, host: str, port: int, workers: int, python: str = sys.executable
) -> list[str]:
    """How Stepdown is served; the load bench starts the server with the same command."""
    return [
        python, "-m", "granian",
        "--interface", "wsgi",
        "--host", host,
        "--port", str(port),
        "--workers", str(workers),
        "--blocking-threads", str(BLOCKING_THREADS),
        "--log-level", "warning",
        "--no-ws",
        "stepdown.config.wsgi:application",
    ]  # fmt: skip


def serve(
    host: str = typer.Option("127.0.0.1", help=gettext_noop("Address to listen on.")),
    port: int = typer.Option(8000, min=1, max=65535, help=gettext_noop("Port to listen on.")),
    workers: int = typer.Option(1, min=1, max=32, help=gettext_noop("Worker processes.")),
    with_worker: bool = typer.Option(
        None,
        "--with-worker/--no-worker",
        show_default=gettext_noop("on, except in production"),
        help=gettext_noop(
            "Also run `stepdown worker` beside the server (photo measurement, reminders)."
        ),
    ),
) -> None:
    """Apply database migrations, then serve Stepdown with granian."""
    refuse_busy_port(host, port)
    # A source checkout after a pull: the French pages up to date. An installed package that
    # cannot write beside itself ships its catalogue.
    with contextlib.suppress(OSError):
        compile_catalogues()
    setup_django(migrate=True, announce=True)
    if with_worker is None:
        # A hosted instance runs its worker as a service of its own (docs/deploy.md).
        with_worker = os.environ.get("STEPDOWN_ENV") != "production"
    shown_host = f"[{host}]" if ":" in host else host
    typer.echo(
        _("Stepdown is running at %(url)s  (Ctrl-C to stop)")
        % {"url": f"http://{shown_host}:{port}/"}
    )
    sys.stdout.flush()
    command = granian_command(host=host, port=port, workers=workers)
    if not with_worker:
        os.execv(sys.executable, command)  # noqa: S606  (replaces this process; Ctrl-C goes to granian)
    side = [sys.executable, "-m", "stepdown", "worker", "--interval", str(SIDE_WORKER_INTERVAL_S)]
    if not os.environ.get("STEPDOWN_SITE_URL"):
        side += ["--site-url", f"http://{shown_host}:{port}"]

    stop_requested = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stop_requested.set()  # only a flag: raising here could lose a child being started

    # Before any child starts: a SIGTERM at any later moment stops every child.
    signal.signal(signal.SIGTERM, stop)
    children: list[subprocess.Popen[bytes]] = []
    code = 0
    try:
        # Each child leads a process group of its own, so stopping it reaches granian's own
        # worker processes too (Ctrl-C is passed on below rather than by the terminal).
        children.append(
            subprocess.Popen(side, stdout=subprocess.DEVNULL, start_new_session=True)  # noqa: S603
        )
        children.append(subprocess.Popen(command, start_new_session=True))  # noqa: S603
        while not stop_requested.is_set() and children[1].poll() is None:
            stop_requested.wait(STOP_POLL_S)
        code = children[1].returncode or 0
    except KeyboardInterrupt:
        pass  # Ctrl-C: stop the children as for SIGTERM
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for child in children:
            _signal_group(child, signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                # granian can miss a SIGTERM that arrives while it is still starting up.
                _signal_group(child, signal.SIGKILL)
                child.wait()
    raise typer.Exit(code)


def _signal_group(child: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """Send ``sig`` to ``child``'s process group (the child and everything it started)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, sig)


def migrate() -> None:
    """Bring the database up to date (and create the cache table for STEPDOWN_CACHE_URL=db://)."""
    setup_django(migrate=True, announce=True)
    typer.echo(_("The database is up to date."))


def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. ``stepdown manage createsuperuser``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stepdown.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["stepdown manage", *ctx.args])


def demo(
    password: str = typer.Option(
        None, help=gettext_noop("Password for the demo account (default: a new random one).")
    ),
    clinic: bool = typer.Option(
        False,
        "--clinic",
        help=gettext_noop(
            "Instead: a demo clinic, its clinician (with MFA) and 30 people sharing with it."
        ),
    ),
) -> None:
    """Create (or recreate) a demo account: products, 120 days of doses, check-ins, a plan."""
    setup_django(migrate=True)
    if clinic:
        _demo_clinic(password)
        return
    from stepdown.demo import create_demo

    email, secret = create_demo(password=password)
    typer.echo(_("Demo account ready. Sign in with:"))
    typer.echo(_("  email:    %(email)s") % {"email": email})
    typer.echo(_("  password: %(password)s") % {"password": secret})


def _demo_clinic(password: str | None) -> None:
    from stepdown.demo_clinic import create_clinic_demo

    made = create_clinic_demo(password=password)
    if made.replaced:
        typer.echo(_("The previous clinic demo was replaced."))
    typer.echo(
        _("Demo clinic ready: %(name)s, %(people)s people sharing with it.")
        % {"name": made.clinic.name, "people": made.people}
    )
    typer.echo(_("Sign in as its clinician (for the demo only; never print real secrets):"))
    typer.echo(_("  email:       %(email)s") % {"email": made.email})
    typer.echo(_("  password:    %(password)s") % {"password": made.password})
    typer.echo(
        _("  TOTP secret: %(secret)s  (add it to an authenticator app)")
        % {"secret": made.totp_secret}
    )
    typer.echo(
        _("The people sign in with the same password, e.g. %(email)s")
        % {"email": made.first_person_email}
    )


def register(app: typer.Typer) -> None:
    app.command(help=gettext_noop("Apply database migrations, then serve Stepdown with granian."))(
        serve
    )
    app.command(
        help=gettext_noop(
            "Bring the database up to date (and create the cache table for "
            "STEPDOWN_CACHE_URL=db://)."
        )
    )(migrate)
    app.command(
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
        help=gettext_noop(
            "Run a Django management command, e.g. ``stepdown manage createsuperuser``."
        ),
    )(manage)
    app.command(
        help=gettext_noop(
            "Create (or recreate) a demo account: products, 120 days of doses, check-ins, a plan."
        )
    )(demo)
