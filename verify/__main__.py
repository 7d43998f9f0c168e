"""``make verify`` (every probe, SQLite then PostgreSQL, rewrites docs/reliability.md) and
``make verify-fast`` (the quick part for CI, SQLite only: prints its figures, writes nothing).

Exits 1 when a measured figure misses its target (after writing the page)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from verify import backup, crash, fuzz, headers, load, logs, matrix, uploads
from verify.figures import FIGURES, Measured
from verify.instance import POSTGRES, ROOT, SQLITE, Instance, instance
from verify.report import write

Probe = Callable[[Instance], tuple[list[Measured], str]]


def probes(fast: bool) -> list[tuple[str, Probe]]:
    """In priority order. The fast set leaves out the matrix (CI runs it as a test already)."""
    if fast:
        return [("crash", lambda i: crash.run(i, kills=3))]
    return [
        ("matrix", matrix.run),
        ("crash", lambda i: crash.run(i, kills=20)),
        ("uploads", uploads.run),
        ("headers", headers.run),
        ("fuzz", fuzz.run),
        ("load", load.run),
        ("backup", backup.run),
        ("logs", logs.run),  # last: it reads what every probe before it made the servers log
    ]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m verify", description=__doc__)
    parser.add_argument("--fast", action="store_true", help="the CI subset; writes no page")
    parser.add_argument(
        "--only", choices=sorted(FIGURES), nargs="+", help="these probes only; writes no page"
    )
    parser.add_argument("--sqlite-only", action="store_true", help="leave out PostgreSQL")
    args = parser.parse_args()
    # CI's fast part runs on SQLite only: PostgreSQL doubles its time (~2 min on a busy machine)
    # and CI must stay well under 30 minutes.
    kinds = [SQLITE] if args.sqlite_only or args.fast else [SQLITE, POSTGRES]
    started = time.monotonic()
    results: list[Measured] = []
    with tempfile.TemporaryDirectory(prefix="stepdown-verify-log-") as tmp:
        for kind in kinds:
            log = Path(tmp) / f"{kind}.log"
            log.touch()
            # One instance per database: migrated once, each probe with people of its own.
            with instance(kind, log) as inst:
                for name, probe in probes(args.fast):
                    if args.only and name not in args.only:
                        continue
                    began = time.monotonic()
                    try:
                        measured, detail = probe(inst)
                    except Exception as error:  # one broken probe must not hide the others
                        failed = f"the probe failed: {type(error).__name__}: {error}"[:300]
                        measured, detail = [Measured(name, kind, failed, False)], failed
                        traceback.print_exc()
                    results += measured
                    took = time.monotonic() - began
                    print(f"[{took:5.0f} s] {detail}", flush=True)
    seconds = time.monotonic() - started
    missed = [m for m in results if not m.met]
    if not args.fast and not args.only:
        write(ROOT / "docs" / "reliability.md", results, seconds=seconds,
              load=os.getloadavg(), kinds=kinds)  # fmt: skip
    print(f"verify: {len(results)} figures in {seconds:.0f} s, {len(missed)} missed")
    for m in missed:
        print(f"  missed: {FIGURES[m.figure].name} on {m.kind}: {m.value}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
