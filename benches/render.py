"""In-process render benchmark: what every page costs when it has to be rendered.

Creates a temporary SQLite database with the load bench's person (three years of doses, 4–5 a
day), signs in with Django's test client (no server, no load client competing for the cores) and
renders every page that answers a plain GET: the named URL patterns without path arguments,
outside the API and the admin. The page cache is off (a cached page would measure the cache);
the revision-keyed caches (the day's summary, the journal window) stay on, as they are between
two writes. Prints the median and p95 of ``RENDERS`` renders per page (after a warm-up) and the
queries of one render, in this process's CPU time (on a shared machine steadier than wall time:
waiting for a core is not rendering).

Budget (docs/performance.md): Today median ≤ 8 ms, every other page ≤ 10 ms, in this process's
CPU time on the project's machine kind, where the code the budget was written against rendered
Today in about 20 ms. One host's speed moves from minute to minute, so each page is rendered in
rounds, each right after a round of a fixed **reference** workload that uses Django and SQLite
but none of Stepdown's code (``_Reference``: a template of Django's own tags over 30 rows, a
grouped SQLite query and a form); its column shows the host's phase while the page was measured
(a slow phase slows both). It is not the unit of the budget: between two hosts of the same kind
it moved by 60 % while the pages moved by 10–20 % (docs/performance.md, "The bench's unit").

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
ROUNDS = 5  # each page's renders in this many rounds, each beside a round of the reference
OUT = ROOT / "benches" / "out"
TODAY_BUDGET_MS = 8.0
PAGE_BUDGET_MS = 10.0
# Pages that only redirect or only answer POST are left out by status; these are left out by
# name: signing out ends the session the bench runs in.
SKIPPED = {"accounts:logout"}

_REFERENCE_TEMPLATE = (
    "{% load i18n %}<h1>{% translate 'Today' %}</h1>"
    "{% for row in rows %}<tr class=\"{% cycle 'odd' 'even' %}\"><th>{{ row.day|date:'D j M Y' }}"
    "</th><td>{{ row.grams|floatformat:1 }} g</td><td>{% if row.note %}"
    "{{ row.note|truncatechars:24 }}{% else %}—{% endif %}</td>"
    "<td>{{ row.count|pluralize:'dose,doses' }}</td></tr>{% endfor %}"
    "<form>{{ form.as_div }}<button>{% translate 'Save' %}</button></form>"
)


class _Reference:
    """A page's kind of work with none of Stepdown's code: Django's template engine (a
    standalone engine, so the project's tags and settings do not reach it) draws 30 rows of
    dates, numbers and text, after SQLite groups 1,000 rows by day, and a form of five fields
    with Django's own form renderer."""

    def __init__(self) -> None:
        import datetime as dt
        import sqlite3
        from decimal import Decimal

        from django import forms
        from django.forms.renderers import DjangoTemplates
        from django.template import Context, Engine

        class Entry(forms.Form):
            amount = forms.DecimalField(max_digits=8, decimal_places=3, help_text="Grams")
            unit = forms.ChoiceField(choices=[(f"u{i}", f"Unit {i}") for i in range(8)])
            taken_at = forms.DateTimeField(required=False)
            note = forms.CharField(max_length=200, required=False)
            confirm = forms.BooleanField(required=False)

        renderer = DjangoTemplates()
        self._form = lambda: Entry(initial={"unit": "u3"}, renderer=renderer)
        self._context = Context
        engine = Engine(libraries={"i18n": "django.templatetags.i18n"})
        self._template = engine.from_string(_REFERENCE_TEMPLATE)
        self._db = sqlite3.connect(":memory:")
        self._db.execute("CREATE TABLE dose (day TEXT, grams REAL, note TEXT)")
        start = dt.date(2026, 1, 1)
        self._db.executemany(
            "INSERT INTO dose VALUES (?, ?, ?)",
            [
                (
                    (start + dt.timedelta(days=i % 30)).isoformat(),
                    1.5 + (i % 7) / 4,
                    "after lunch" * (i % 3),
                )
                for i in range(1000)
            ],
        )
        self._day, self._decimal = dt.date.fromisoformat, Decimal

    def __call__(self) -> str:
        found = self._db.execute(
            "SELECT day, SUM(grams), COUNT(*), MAX(note) FROM dose GROUP BY day ORDER BY day"
        ).fetchall()
        rows = [
            {
                "day": self._day(day),
                "grams": self._decimal(str(round(grams, 3))),
                "count": count,
                "note": note,
            }
            for day, grams, count, note in found
        ]
        return self._template.render(self._context({"rows": rows, "form": self._form()}))


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


def _cpu_ms(work: Any, times: int) -> list[float]:
    spent = []
    for _ in range(times):
        started = time.process_time()
        work()
        spent.append((time.process_time() - started) * 1000)
    return spent


def _measure(client: Any, path: str, reference: _Reference) -> dict[str, float] | None:
    """The page's renders in rounds, each right after a round of the reference, so a host that
    speeds up or slows down moves both; the ratio is the median of the rounds' ratios."""
    from django.db import connection

    if client.get(path).status_code != 200:
        return None
    for _ in range(WARMUP):
        client.get(path)
    counter = _Counter()
    with connection.execute_wrapper(counter):
        client.get(path)
    page_ms: list[float] = []
    reference_ms: list[float] = []
    ratios = []
    per_round = max(1, RENDERS // ROUNDS)
    for _ in range(ROUNDS):
        reference_round = _cpu_ms(reference, per_round)
        page_round = _cpu_ms(lambda: client.get(path), per_round)
        ratios.append(statistics.median(page_round) / statistics.median(reference_round))
        page_ms += page_round
        reference_ms += reference_round
    return {
        "cpu_median_ms": statistics.median(page_ms),
        "cpu_p95_ms": _p95(page_ms),
        "reference_ms": statistics.median(reference_ms),
        "ratio": statistics.median(ratios),
        "ratio_low": min(ratios),
        "ratio_high": max(ratios),
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
        reference = _Reference()
        _cpu_ms(reference, WARMUP)
        for path in ONLY or _pages():
            figures = _measure(client, path, reference)
            if figures is not None:
                results[path] = figures
    print(
        f"{'page (uncached render)':30} {'cpu med':>8} {'cpu p95':>8} {'queries':>7} "
        f"{'ref ms':>7} {'× ref':>6}  budget (cpu = this process's CPU time, ms; ref = the "
        "reference workload's median in the same rounds, ms, and the page's median ratio to it)"
    )
    for path, figures in results.items():
        budget = TODAY_BUDGET_MS if path == "/today/" else PAGE_BUDGET_MS
        met = "yes" if figures["cpu_median_ms"] <= budget else f"NO (> {budget:.0f} ms)"
        print(
            f"{path:30} {figures['cpu_median_ms']:8.2f} {figures['cpu_p95_ms']:8.2f} "
            f"{figures['queries']:7.0f} {figures['reference_ms']:7.2f} {figures['ratio']:6.2f}  "
            f"{met}"
        )
    reference_ms = statistics.median(f["reference_ms"] for f in results.values())
    print(
        f"reference: {reference_ms:.2f} ms (a slower phase of the host shows here first); budget: "
        f"Today ≤ {TODAY_BUDGET_MS:.0f} ms, other pages ≤ {PAGE_BUDGET_MS:.0f} ms CPU"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "render.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
