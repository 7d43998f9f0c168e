"""In-process render benchmark: what every page costs when it has to be rendered.

Creates a temporary SQLite database with the load bench's person (three years of doses, 4–5 a
day), signs in with Django's test client (no server, no load client competing for the cores) and
renders every page that answers a plain GET: the named URL patterns without path arguments,
outside the API and the admin. The page cache is off (a cached page would measure the cache);
the revision-keyed caches (the day's summary, the journal window) stay on, as they are between
two writes. Prints the median and p95 of ``RENDERS`` renders per page (after a warm-up) and the
queries of one render. Wall time and this process's CPU time are both given: on a shared
machine the CPU time is the steadier measure of what a render costs (waiting for a core is not
rendering). Budget (docs/performance.md): Today median ≤ 8 ms, every other page ≤ 10 ms, on the
machine the budget was set on. Machines differ (the same code has measured three times slower on
another host of the same kind), so the bench also renders ``/bench/shell`` — a signed-in page
with nothing in it: middleware, session, the person and the page shell — and prints each page as
a multiple of it; the budget in those units is ``TODAY_BUDGET_SHELLS`` and
``PAGE_BUDGET_SHELLS`` (the ms budgets over the shell's 2.8 ms on the machine they were set on,
docs/performance.md).

Run with ``make bench`` (or ``.venv/bin/python benches/render.py``; ``BENCH_RENDERS=500`` for
more renders, ``BENCH_ONLY=/today/,/plan/`` for some pages only).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RENDERS = int(os.environ.get("BENCH_RENDERS", "200"))
ONLY = [path for path in os.environ.get("BENCH_ONLY", "").split(",") if path]
WARMUP = 10
OUT = ROOT / "benches" / "out"
TODAY_BUDGET_MS = 8.0
PAGE_BUDGET_MS = 10.0
SHELL_MS_WHERE_SET = 2.8  # the shell's CPU median where the ms budgets were set
TODAY_BUDGET_SHELLS = TODAY_BUDGET_MS / SHELL_MS_WHERE_SET
PAGE_BUDGET_SHELLS = PAGE_BUDGET_MS / SHELL_MS_WHERE_SET
SHELL = "/bench/shell"
# Pages that only redirect or only answer POST are left out by status; these are left out by
# name: signing out ends the session the bench runs in.
SKIPPED = {"accounts:logout"}


def _pages() -> list[str]:
    from django.urls import URLPattern, URLResolver, get_resolver, reverse

    names: list[str] = []

    def walk(resolver: URLResolver, namespace: str | None) -> None:
        for item in resolver.url_patterns:
            if isinstance(item, URLResolver):
                if item.namespace not in {"admin", "api"} and "api/" not in str(item.pattern):
                    walk(item, item.namespace or namespace)
            elif isinstance(item, URLPattern) and item.name and not item.pattern.converters:
                names.append(f"{namespace}:{item.name}" if namespace else item.name)

    walk(get_resolver(), None)
    return [reverse(name) for name in names if name not in SKIPPED]


class _Counter:
    """Counts the statements a render runs (an execute wrapper: no debug cursor needed)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def _measure(client: Any, path: str) -> dict[str, float] | None:
    from django.db import connection

    if client.get(path).status_code != 200:
        return None
    for _ in range(WARMUP):
        client.get(path)
    counter = _Counter()
    with connection.execute_wrapper(counter):
        client.get(path)
    wall, cpu = [], []
    for _ in range(RENDERS):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": statistics.median(wall),
        "p95_ms": _p95(wall),
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": _p95(cpu),
        "queries": float(counter.count),
    }


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="stepdown-render-") as data_dir:
        os.environ["STEPDOWN_DATA_DIR"] = data_dir
        os.environ["DJANGO_SETTINGS_MODULE"] = "benches.settings"
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        import stepdown.web.fragments
        from benches.account import BENCH_EMAIL
        from benches.generate import generate
        from stepdown.accounts.models import User

        # The test client's host; no test environment, whose template instrumentation would
        # add its own cost to every render.
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        call_command("migrate", verbosity=0)
        generate()
        stepdown.web.fragments.TIMEOUT_S = 0  # the page cache off: every view renders
        client = Client()
        client.force_login(User.objects.get(email=BENCH_EMAIL))
        # As config/wsgi.py does in the server: what is loaded stays out of the collector's
        # reach, so a full collection does not land in a render.
        gc.collect()
        gc.freeze()
        results = {}
        for path in [SHELL, *(ONLY or _pages())]:
            figures = _measure(client, path)
            if figures is not None:
                results[path] = figures
    shell_ms = results[SHELL]["cpu_median_ms"]
    header = f"{'page (uncached render)':30} {'median':>7} {'p95':>7} {'cpu med':>8} {'cpu p95':>8}"
    print(f"{header} {'queries':>7} {'shells':>6}  budget (ms; cpu = this process's CPU time)")
    for path, figures in results.items():
        budget = TODAY_BUDGET_MS if path == "/today/" else PAGE_BUDGET_MS
        shells = figures["cpu_median_ms"] / shell_ms
        figures["shells"] = shells
        within = shells <= budget / SHELL_MS_WHERE_SET
        met = (
            ""
            if path == SHELL
            else ("yes" if within else f"NO (> {budget / SHELL_MS_WHERE_SET:.2f})")
        )
        print(
            f"{path:30} {figures['median_ms']:7.2f} {figures['p95_ms']:7.2f} "
            f"{figures['cpu_median_ms']:8.2f} {figures['cpu_p95_ms']:8.2f} "
            f"{figures['queries']:7.0f} {shells:6.2f}  {met}"
        )
    print(
        f"budget in shells: Today {TODAY_BUDGET_SHELLS:.2f}, other pages {PAGE_BUDGET_SHELLS:.2f} "
        f"(on this machine: {TODAY_BUDGET_SHELLS * shell_ms:.1f} and "
        f"{PAGE_BUDGET_SHELLS * shell_ms:.1f} ms CPU)"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "render.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
