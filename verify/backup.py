"""Backup under load: ``stepdown backup`` while clients post doses, then ``stepdown restore``
into a fresh instance (new data folder, new PostgreSQL database); every dose acknowledged before
the backup started must be in the restored copy, with its id."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from verify.crash import Tally, client
from verify.figures import Measured
from verify.instance import Instance, instance
from verify.server import serving

CLIENTS = 6
# Writes acknowledged before the backup starts (the first requests of a new server are slow).
WARM_WRITES = 100
WARM_MAX_S = 60
AFTER_S = 2  # and after it ends


def _stepdown(inst: Instance, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "stepdown", *args], env=inst.env, capture_output=True,
        text=True, check=False, timeout=600,
    )  # fmt: skip
    with inst.log.open("a") as log:
        log.write(done.stdout + done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"stepdown {args[0]} failed: {done.stdout[-500:]}{done.stderr[-500:]}")
    return done.stdout


def run(inst: Instance) -> tuple[list[Measured], str]:
    people = inst.people("backup", CLIENTS)
    archive = inst.data_dir.parent / f"{inst.data_dir.name}-backup.tar.gz"
    tally, stop = Tally(), threading.Event()
    with serving(inst, workers=1) as server:
        threads = [
            threading.Thread(target=client, args=(server, p["token"], tally, stop, n), daemon=True)
            for n, p in enumerate(people)
        ]
        for thread in threads:
            thread.start()
        try:
            deadline = time.monotonic() + WARM_MAX_S
            while len(tally.acknowledged) < WARM_WRITES and time.monotonic() < deadline:
                time.sleep(0.2)
            with tally.lock:
                before = dict(tally.acknowledged)
            began = time.monotonic()
            _stepdown(inst, "backup", "--out", str(archive))
            took = time.monotonic() - began
            time.sleep(AFTER_S)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=60)
    during = len(tally.acknowledged) - len(before)
    try:
        with instance(inst.kind, inst.log, migrate=False) as fresh:  # restore wants it empty
            _stepdown(fresh, "restore", str(archive))
            check = fresh.module("verify.dbcheck", {"prefix": "backup"})
    finally:
        Path(archive).unlink(missing_ok=True)
    assert isinstance(check, dict)
    restored = dict(check["doses"])
    missing = [key for key, pk in before.items() if restored.get(key) != pk]
    problems = check["integrity"] + check["orphans"]
    met = not missing and not problems and len(before) > 0 and not tally.refused
    value = (
        f"{len(missing)} of {len(before):,} writes acknowledged before the backup missing from "
        f"the restored copy; {during:,} more acknowledged during its {took:.1f} s and after; "
        f"restored copy's integrity/FK problems: {len(problems)}"
    )
    detail = f"backup {inst.kind}: {value}; refused {dict(tally.refused)}; problems {problems[:5]}"
    return [Measured("backup", inst.kind, value, met)], detail
