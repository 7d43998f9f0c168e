"""docs/reliability.md: one row per figure with its target, the value on each database, the date
and how it was measured. Rewritten by every ``make verify``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from verify.figures import FIGURES, Measured
from verify.instance import POSTGRES, SQLITE

HEAD = """# Reliability

The claims in [security.md](security.md) and [performance.md](performance.md), measured by a
probe that is part of the project: `make verify` starts its own servers on loopback (granian as
`stepdown serve` starts it; SQLite, then PostgreSQL in a database it creates and drops), runs each
probe bounded in count and time, and rewrites this page. It exits non-zero when a measured figure
misses its target. Its quick part, `make verify-fast` (the crash probe with 3 kills, SQLite
only), runs in CI after the test suite (`.ci/run`), about a minute.

This file is written by `verify/report.py`; edit that, not this.
"""


def _cell(measured: Measured | None) -> str:
    if measured is None:
        return "not measured"
    return f"{'✅' if measured.met else '❌ **missed**'} {measured.value}"


def write(
    path: Path,
    results: list[Measured],
    *,
    seconds: float,
    load: tuple[float, float, float],
    kinds: list[str],
) -> None:
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
        f"2-core machine, shared with other work: load average {load[0]:.2f} / {load[1]:.2f} / "
        f"{load[2]:.2f} (1 / 5 / 15 min) when the run ended, so timing figures are pessimistic.\n",
        "\n".join(rows),
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
