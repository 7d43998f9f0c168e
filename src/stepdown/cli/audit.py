"""``stepdown audit verify``: checks the access log's hash chain."""

from __future__ import annotations

import typer

from stepdown.cli.django_setup import setup_django
from stepdown.cli.errors import fail

audit_app = typer.Typer(
    name="audit",
    help="The access log: who read whose data.",
    no_args_is_help=True,
)

BROKEN_EXIT_CODE = 1


@audit_app.command("verify")
def verify() -> None:
    """Check every access-log row's HMAC and its link to the row before; exit 1 at the first
    broken one."""
    setup_django()
    from stepdown.audit.chain import verify_log

    verdict = verify_log()
    if not verdict.holds:
        fail(
            f"access log broken at event {verdict.broken_id} "
            f"(the {verdict.checked} events before it are intact)",
            code=BROKEN_EXIT_CODE,
        )
    if verdict.last_id is None:
        typer.echo("access log intact: no events yet")
    else:
        typer.echo(
            f"access log intact: {verdict.checked} events, "
            f"last event {verdict.last_id} with HMAC {verdict.last_hmac}"
        )


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
