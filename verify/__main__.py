"""``make verify`` (every probe, SQLite and PostgreSQL, rewrites docs/reliability.md) and
``make verify-fast`` (the quick part for CI, SQLite only: prints its figures, writes nothing).

Exits 1 when a measured figure misses its target (after writing the page)."""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from verify import backup, crash, fuzz, headers, load, logs, matrix, uploads
from verify.figures import FIGURES, Measured
from verify.instance import POSTGRES, ROOT, SQLITE, Instance, instance
from verify.report import Took, write

Probe = Callable[[Instance], tuple[list[Measured], str]]

# Probes whose figures are counts with no clock in them (leaks, lost writes, missing headers,
# missing rows, failing operations of a schemathesis run bounded in count): SQLite's run beside
# PostgreSQL's, each database's one after another, ordered so that a CPU-bound probe of one
# database (matrix, fuzz) mostly meets a waiting one of the other (crash, backup, headers).
SHARED = {SQLITE: ("matrix", "crash", "fuzz", "headers", "backup"),
          POSTGRES: ("crash", "matrix", "headers", "backup", "fuzz")}  # fmt: skip
# Probes with a clock in their figures, each with the machine to itself: the uploads probe times
# /healthz, the load probe counts writes per second and their latency.
ALONE = ("uploads", "load")
# People each probe makes requests as (the set-up step makes them, one prefix per probe).
PEOPLE = {"crash": crash.CLIENTS, "load": load.CLIENTS, "backup": backup.CLIENTS,
          "uploads": 1, "headers": 1}  # fmt: skip
LAST = "logs"  # it reads what every probe before it made the servers log


def probes(fast: bool) -> dict[str, Probe]:
    """The fast set (CI) is the crash probe with 3 kills; CI runs the matrix as a test already."""
    if fast:
        return {"crash": lambda i: crash.run(i, kills=3)}
    return {
        "matrix": matrix.run,
        "crash": lambda i: crash.run(i, kills=20),
        "uploads": uploads.run,
        "headers": headers.run,
        "fuzz": fuzz.run,
        "load": load.run,
        "backup": backup.run,
        "logs": logs.run,
    }


_print_lock = threading.Lock()


def cpu_seconds() -> float:
    """User and system time of this process and of the children it has reaped so far (servers,
    pytest and its workers, schemathesis, set-up steps; not the workers of a server killed with
    SIGKILL, whose parent never reaps them)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))  # fmt: skip
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _say(text: str) -> None:
    with _print_lock:
        print(text, flush=True)


def run_probe(inst: Instance, name: str, probe: Probe) -> tuple[list[Measured], Took]:
    spent_before = dict(inst.spent)
    began = time.monotonic()
    try:
        measured, detail = probe(inst)
    except Exception as error:  # one broken probe must not hide the others
        failed = f"the probe failed: {type(error).__name__}: {error}"[:300]
        measured, detail = [Measured(name, inst.kind, failed, False)], failed
        with _print_lock:
            traceback.print_exc()
    took = time.monotonic() - began
    setup = {k: v - spent_before.get(k, 0.0) for k, v in inst.spent.items()}
    setup = {k: v for k, v in setup.items() if v >= 0.5}
    spent = ", ".join(f"{k} {v:.0f} s" for k, v in setup.items()) or "none"
    _say(f"[{took:5.0f} s] {detail}\n          set-up within it: {spent}")
    return measured, Took(name, inst.kind, took, setup)


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
    chosen = {n: p for n, p in probes(args.fast).items() if not args.only or n in args.only}
    started, load_began, cpu_began = time.monotonic(), os.getloadavg(), cpu_seconds()
    results: list[Measured] = []
    timings: list[Took] = []
    instances: dict[str, Instance] = {}
    # Every probe's people made with the schema, in one set-up step per database.
    people = {p: n for p, n in PEOPLE.items() if p in chosen}
    with tempfile.TemporaryDirectory(prefix="stepdown-verify-log-") as tmp, \
            contextlib.ExitStack() as stack:  # fmt: skip
        opening = threading.Lock()

        def shared(kind: str) -> list[tuple[list[Measured], Took]]:
            """Open the database's instance (migrated once for all its probes), then its
            shared probes, one after another."""
            log = Path(tmp) / f"{kind}.log"
            log.touch()
            made = instance(kind, log, people=people, world="fuzz" in chosen)
            inst = made.__enter__()
            with opening:
                stack.push(made.__exit__)
                instances[kind] = inst
            ready = sum(inst.spent.values())
            _say(f"[{ready:5.0f} s] {kind}: migrated, people made")
            first: list[tuple[list[Measured], Took]] = [([], Took("set-up", kind, ready))]
            return first + [run_probe(inst, n, chosen[n]) for n in SHARED[kind] if n in chosen]

        with ThreadPoolExecutor(len(kinds)) as pool:
            done = [pool.submit(shared, kind) for kind in kinds]
            for future in done:
                for measured, took in future.result():
                    results += measured
                    timings.append(took)
        _say(f"[{time.monotonic() - started:5.0f} s] so far; now the probes that need the "
             "machine to themselves, one at a time")  # fmt: skip
        for kind in kinds:
            for name in (*ALONE, LAST):
                if name in chosen:
                    measured, took = run_probe(instances[kind], name, chosen[name])
                    results += measured
                    timings.append(took)
    seconds, cpu = time.monotonic() - started, cpu_seconds() - cpu_began
    missed = [m for m in results if not m.met]
    if not args.fast and not args.only:
        write(ROOT / "docs" / "reliability.md", results, seconds=seconds, cpu=cpu, timings=timings,
              load=(load_began, os.getloadavg()), kinds=kinds)  # fmt: skip
    print(f"verify: {len(results)} figures in {seconds:.0f} s ({cpu:.0f} CPU-seconds of its own "
          f"processes, load average {os.getloadavg()[0]:.1f}), {len(missed)} missed")  # fmt: skip
    for m in missed:
        print(f"  missed: {FIGURES[m.figure].name} on {m.kind}: {m.value}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
