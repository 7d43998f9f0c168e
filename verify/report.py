"""docs/reliability.md: one row per figure with its target, the value on each database, the date
and how it was measured. Rewritten by every ``make verify``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from verify.figures import FIGURES, Measured
from verify.instance import POSTGRES, SQLITE

HEAD = """# Reliability

The claims in [security.md](security.md) and [performance.md](performance.md), measured by a
probe that is part of the project: `make verify` starts its own servers on loopback (granian as
`stepdown serve` starts it; SQLite, and PostgreSQL in a database it creates and drops), runs each
probe bounded in count and time, and rewrites this page. It exits non-zero when a measured figure
misses its target. The probes whose figures are counts with no clock in them (matrix, crash,
schemathesis, headers, backup) run SQLite's beside PostgreSQL's; then the hostile uploads and the
load, whose figures are times, run one at a time with nothing of the run beside them; the logs
last. Its quick part, `make verify-fast` (the crash probe with 3 kills, SQLite
only), runs in CI after the test suite (`.ci/run`), about a minute.

This file is written by `verify/report.py`; edit that, not this.
"""


@dataclass(frozen=True)
class Took:
    """How long one probe took on one database, and the set-up within it by kind."""

    probe: str
    kind: str
    seconds: float
    setup: dict[str, float] = field(default_factory=dict)


def _timing(timings: list[Took]) -> list[str]:
    rows = ["| probe | database | seconds | of which set-up |", "|---|---|---|---|"]
    for took in timings:
        setup = ", ".join(f"{k} {v:.0f} s" for k, v in took.setup.items()) or "–"
        rows.append(f"| {took.probe} | {took.kind} | {took.seconds:.0f} | {setup} |")
    return rows


def _cell(measured: Measured | None) -> str:
    if measured is None:
        return "not measured"
    return f"{'✅' if measured.met else '❌ **missed**'} {measured.value}"


def write(
    path: Path,
    results: list[Measured],
    *,
    seconds: float,
    cpu: float,
    timings: list[Took],
    load: tuple[tuple[float, float, float], tuple[float, float, float]],
    kinds: list[str],
) -> None:
    """``load``: the load averages when the run began and when it ended."""
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    found = {(m.figure, m.kind): m for m in results}
    rows = [
        "| figure | target | SQLite | PostgreSQL | date | how |",
        "|---|---|---|---|---|---|",
    ]
    missing, measured = [], []
    for key, figure in FIGURES.items():
        cells = [found.get((key, kind)) for kind in (SQLITE, POSTGRES)]
        if all(cell is None for cell in cells):
            missing.append(figure)
            continue
        measured.append(figure)
        rows.append(
            f"| {figure.name} | {figure.target} | {_cell(cells[0])} | {_cell(cells[1])} "
            f"| {today} | `verify/{key}.py`, below |"
        )
    text = [
        HEAD,
        f"## Latest run ({today})\n",
        f"Databases: {', '.join(kinds)}. Whole run: {seconds / 60:.1f} minutes on the project's "
        f"2-core machine, shared with other work: load average (1 / 5 / 15 min) "
        f"{'/'.join(f'{x:.2f}' for x in load[0])} when the run began, "
        f"{'/'.join(f'{x:.2f}' for x in load[1])} when it ended; above 2, other work had the "
        f"cores too and the timing figures are pessimistic. The run's own processes used "
        f"{cpu / 60:.1f} CPU-minutes (at least: the workers of a server killed with SIGKILL are "
        "not counted).\n",
        "\n".join(rows),
        "",
        "## Where the time went\n",
        "Each probe's own time (the shared ones overlap: SQLite's beside PostgreSQL's), with "
        "the set-up inside it: set-up steps (database checks, a dump) and server starts. The "
        "row `set-up` is each database's one step before its probes: migrations, every "
        "probe's people, schemathesis's world.\n",
        "\n".join(_timing(timings)),
        "",
        "## How each figure is measured\n",
        *[f"- **{figure.name}**: {figure.how}." for figure in measured],
        "",
    ]
    if missing:
        text += [
            "## Not measured in this run\n",
            "These figures of issue #17 were not measured by the run above (`make verify` "
            "measures every one); until they are, the issue stays open.\n",
            *[f"- {figure.name}: target {figure.target}." for figure in missing],
            "",
        ]
    path.write_text("\n".join(text))
