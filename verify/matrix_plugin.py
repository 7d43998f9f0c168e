"""A pytest plugin for the matrix probe: counts every request tests/test_route_matrix.py sends
and every wrong answer, and writes them with each test's outcome to $VERIFY_MATRIX_OUT.<worker>
(JSON).

The test module is used as it is; only its ``run_matrix`` is wrapped to count."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

COUNTS: dict[str, Any] = {"sent": 0, "wrong": [], "passed": 0, "failed": 0}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = getattr(item, "module", None)
        original = getattr(module, "run_matrix", None)
        if original is None or getattr(original, "counted", False):
            continue

        def counted(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            failures, sent = _original(*args, **kwargs)
            COUNTS["sent"] += sent
            COUNTS["wrong"] += failures
            return failures, sent

        counted.counted = True  # type: ignore[attr-defined]
        module.run_matrix = counted  # type: ignore[union-attr]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or report.outcome == "failed":
        COUNTS["passed" if report.outcome == "passed" else "failed"] += 1


def pytest_sessionfinish(session: pytest.Session) -> None:
    out = os.environ.get("VERIFY_MATRIX_OUT")
    if out:
        # With pytest-xdist each worker counts its own requests; the controller, which runs no
        # test, receives every test's report.
        with open(f"{out}.{os.environ.get('PYTEST_XDIST_WORKER', 'main')}", "w") as handle:
            json.dump(COUNTS, handle)
