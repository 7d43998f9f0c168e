"""``stepdown audit verify``: checks the access log's hash chain."""

from __future__ import annotations

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail
from stepdown.cli.language import gettext as _
from stepdown.cli.language import gettext_noop

audit_app = typer.Typer(
    name="audit",
    help=gettext_noop("The access log: who read whose data."),
    no_args_is_help=True,
)

BROKEN_EXIT_CODE = 1


@audit_app.command(
    "verify",
    help=gettext_noop(
        "Check every access-log row's HMAC and its link to the row before; exit 1 at the first "
        "broken one."
    ),
)
def verify() -> None:
    """Check every access-log row's HMAC and its link to the row before; exit 1 at the first
    broken one."""
    setup_django()
    from stepdown.audit.chain import verify_log

    verdict = verify_log()
    if not verdict.holds:
        fail(
            _("access log broken at event %(event)s (the %(count)s events before it are intact)")
            % {"event": verdict.broken_id, "count": verdict.checked},
            code=BROKEN_EXIT_CODE,
        )
    if verdict.last_id is None:
        typer.echo(_("access log intact: no events yet"))
    else:
        typer.echo(
            _("access log intact: %(count)s events, last event %(event)s with HMAC %(hmac)s")
            % {"count": verdict.checked, "event": verdict.last_id, "hmac": verdict.last_hmac}
        )


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
