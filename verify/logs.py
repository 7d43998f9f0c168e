"""Logs probe: the servers' whole output for one database (every probe before this one wrote
to it) holds no email address, token, link with a secret, note text or upload metadata."""

from __future__ import annotations

from tests.conftest import LEAK

from verify.figures import Measured
from verify.hostile import MARK
from verify.instance import Instance

NOTE_MARK = "private note verify7Q"


def run(instance: Instance) -> tuple[list[Measured], str]:
    text = instance.log.read_text(errors="replace")
    lines = text.splitlines()
    found = [
        line[:200]
        for line in lines
        if LEAK.search(line) or NOTE_MARK in line or MARK.decode() in line
    ]
    met = not found
    value = f"{len(found)} lines with personal data or a secret, of {len(lines):,} logged"
    detail = f"logs {instance.kind}: {value}\n  " + "\n  ".join(found[:10])
    return [Measured("logs", instance.kind, value, met)], detail
