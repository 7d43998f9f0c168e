"""axe-core in the test browser (docs/accessibility.md): the copy npm installed from
package-lock.json (`make node_modules/.installed`), injected into the page under test.

The app never serves it and its Content-Security-Policy (script-src 'self', no inline script)
stays on: the browser asks for axe at a same-origin address that Playwright answers from
node_modules/, so the sweep also runs under the policy the app ships with."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__tests__/axe.min.js"  # answered by Playwright, never by the app
# WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 added no level-A rule axe checks).
WCAG_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

_RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
    summary: v.nodes.length ? v.nodes[0].failureSummary : "",
  }));
}"""


def axe_violations(page: Page, tags: tuple[str, ...] = WCAG_AA_TAGS) -> list[dict[str, Any]]:
    """The WCAG A/AA violations axe finds on the page as it is now."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make node_modules/.installed` (npm ci).")
    if not page.evaluate("typeof window.axe === 'object'"):
        _serve_axe(page)
        page.add_script_tag(url=AXE_URL)
    violations: list[dict[str, Any]] = page.evaluate(_RUN, list(tags))
    return violations


_routed: weakref.WeakSet[Page] = weakref.WeakSet()


def _serve_axe(page: Page) -> None:
    if page in _routed:
        return
    page.route(
        f"**{AXE_URL}",
        lambda route: route.fulfill(path=AXE_JS, content_type="text/javascript"),
    )
    _routed.add(page)


def describe(where: str, violations: list[dict[str, Any]]) -> list[str]:
    """One line per rule: where, the rule id, what it asks, and every node's target."""
    return [
        f"{where}: {v['id']} ({v['impact']}) {v['help']}; nodes: {', '.join(v['targets'])}"
        f"\n    {v['summary'].splitlines()[-1].strip() if v['summary'] else ''}"
        for v in violations
    ]
