"""Render Stepdown's main pages in headless Chromium at a phone and a desktop width.

Starts a private server on a temporary data directory with the demo account, signs in, and saves
PNGs into ``screenshots/`` (ignored by git). Run with ``make screenshots``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
PASSWORD = "screenshot-demo-1"  # noqa: S105  (a throwaway demo account)
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
PUBLIC_PAGES = ["/", "/account/login/", "/account/signup/", "/help/"]
PAGES = [
    "/today/",
    "/doses/",
    "/products/",
    "/products/new/",
    "/account/settings/",
    "/plan/",
    "/plan/new/",
    "/checkins/",
    "/checkins/trends/",
    "/checkins/schedule/",
    "/risk/",
    "/goals/",
    "/learn/",
    "/learn/support/",
    "/skin/",
    "/alerts/",
    "/substances/",
    "/substances/medicines/",
    "/reminders/",
]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (loopback only)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not start at {url}")


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "welcome"


def _extra_states(page: Page, base: str, label: str) -> None:
    """States a plain page load does not show: the header with its menu open, and a form
    refused with the reasons on its fields."""
    page.goto(base + "/today/")
    toggle = page.get_by_role("button", name="Menu")
    if toggle.is_visible():
        toggle.click()
        page.locator("#nav-menu summary", has_text="More").click()
    else:
        page.locator("header summary", has_text="More").click()
    page.screenshot(path=OUT / f"header-menu-{label}.png")
    page.goto(base + "/products/new/")
    page.get_by_label("Name").fill("Green Maeng Da")
    page.get_by_label("Weight of one capsule (g)").fill("0")
    page.get_by_label("Mitragynine (mg per g, or per ml for liquids)").fill("-3")
    page.get_by_label("7-hydroxymitragynine (mg per g, or per ml)").fill("123456789")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.screenshot(path=OUT / f"products-new-errors-{label}.png", full_page=True)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    stepdown = str(Path(sys.executable).with_name("stepdown"))
    with tempfile.TemporaryDirectory(prefix="stepdown-shots-") as data_dir:
        env = {**os.environ, "STEPDOWN_DATA_DIR": data_dir}
        subprocess.run([stepdown, "demo", "--password", PASSWORD], env=env, check=True)  # noqa: S603
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603
            [stepdown, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(f"{base}/healthz")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                )
                for label, (width, height) in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": height})
                    page = context.new_page()
                    for path in PUBLIC_PAGES:
                        page.goto(base + path)
                        page.screenshot(path=OUT / f"{_name(path)}-{label}.png", full_page=True)
                    page.goto(base + "/account/login/")
                    page.get_by_label("Email").fill("demo@stepdown.example")
                    page.get_by_label("Password").fill(PASSWORD)
                    page.get_by_role("button", name="Sign in").click()
                    page.wait_for_url("**/today/")
                    for path in PAGES:
                        response = page.goto(base + path)
                        if response is None or response.status >= 400:
                            status = response.status if response else "no answer"
                            print(f"skipped {path} ({status})")
                            continue
                        page.wait_for_timeout(300)  # let charts draw
                        page.screenshot(path=OUT / f"{_name(path)}-{label}.png", full_page=True)
                    _extra_states(page, base, label)
                    context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Screenshots saved in {OUT}")


if __name__ == "__main__":
    main()
