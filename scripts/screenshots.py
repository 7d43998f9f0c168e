"""Render Stepdown's main pages in headless Chromium at a phone and a desktop width.

Starts a private server on a temporary data directory with the demo account, signs in, adds one
skin photo session (a rendered card-and-skin photo, measured by one round of the worker), and
saves PNGs into ``screenshots/`` (ignored by git). Then the clinic demo: its clinician signs in
with a code from the printed authenticator secret, and the dashboard and the top person's
patient page are saved (``clinic-*.png``). The main pages are saved again in the dark colour
scheme and in French (``<page>-<width>-dark.png``, ``<page>-<width>-fr.png``). Run with
``make screenshots``.
"""

from __future__ import annotations

import base64
import io
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from django_otp.oath import TOTP
from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benches.photo_analysis import render_photo  # noqa: E402

from stepdown.core.colour.decoding import MEASUREMENT_LONG_SIDE_PX  # noqa: E402

OUT = ROOT / "screenshots"
PASSWORD = "screenshot-demo-1"  # noqa: S105  (a throwaway demo account)
FIRST_WEEK_EMAIL = "first-week@stepdown.example"
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
    "/skin/new/",
    "/alerts/",
    "/substances/",
    "/substances/medicines/",
    "/reminders/",
    "/account/export/",
    "/account/delete/",
]
# A second person, one week in (seven days at 11.8 g, a "weekdays only" goal): the pages where
# averages and weekday limits show, named "<page>-first-week-<width>.png".
FIRST_WEEK_PAGES = ["/checkins/trends/", "/today/", "/goals/"]
FIRST_WEEK = (
    "import django; django.setup(); from stepdown.demo import create_first_week; "
    f"create_first_week(password={PASSWORD!r})"
)
# The main pages again in the system's dark scheme and in French, "<page>-<width>-<variant>.png".
MAIN_PAGES = [
    "/today/", "/doses/", "/products/", "/checkins/", "/checkins/daily/", "/plan/", "/help/",
]  # fmt: skip
VARIANTS: dict[str, dict[str, Any]] = {
    "dark": {"color_scheme": "dark"},
    "fr": {"locale": "fr-FR", "extra_http_headers": {"Accept-Language": "fr"}},
}
# A product whose name has an emoji and a symbol: the pages (and the PDFs) must draw both.
EMOJI_PRODUCT = (
    "import django; django.setup(); from stepdown.accounts.models import User; "
    "from stepdown.journal.services import product_create; "
    "product_create(owner=User.objects.get(email='demo@stepdown.example'), "
    "name='Red \N{HERB} Bali \N{BLACK STAR}')"
)
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


def _skin_session(page: Page, base: str, stepdown: str, env: dict[str, str]) -> str:
    """Upload one rendered photo for both sites, let one worker round prepare them, mark their two
    skin areas, let another round measure them; return the session page's path."""
    photo, exposed, reference = render_photo()
    render_width = Image.open(io.BytesIO(photo)).width
    page.goto(base + "/skin/new/")
    for field in ("exposed_photo", "reference_photo"):
        page.set_input_files(
            f'input[name="{field}"]',
            files=[{"name": "skin.jpg", "mimeType": "image/jpeg", "buffer": photo}],
        )
    page.get_by_role("button", name="Upload and continue").click()
    page.wait_for_url("**/regions/")
    # The worker prepares the uploads; the page (which asks every few seconds) then shows them.
    subprocess.run([stepdown, "worker", "--once"], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    page.reload()
    # The stored photo is at the measurement resolution; the areas are given in its pixels.
    scale = MEASUREMENT_LONG_SIDE_PX / max(render_width, MEASUREMENT_LONG_SIDE_PX)
    for summary in page.get_by_text("Enter the rectangle as numbers").all():
        summary.click()
    for prefix, roi in (("exposed", exposed), ("reference", reference)):
        for name in ("x", "y", "width", "height"):
            page.fill(f'input[name="{prefix}-{name}"]', str(int(getattr(roi, name) * scale)))
    page.get_by_test_id("measure").click()
    page.wait_for_url("**/sessions/*/")
    session_path = "/" + page.url.split("/", 3)[3]
    subprocess.run([stepdown, "worker", "--once"], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    return session_path


def _name(path: str) -> str:
    name = path.strip("/").replace("/", "-") or "welcome"
    # The session's number is not part of the name, so the files stay the same run to run.
    return "skin-session" if name.startswith("skin-sessions-") else name


def _sign_in(page: Page, base: str, email: str) -> None:
    page.goto(base + "/account/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/today/")


def _pages(page: Page, base: str, paths: list[str], label: str) -> None:
    """Save each of ``paths`` as ``<page>-<label>.png``."""
    for path in paths:
        response = page.goto(base + path)
        if response is None or response.status >= 400:
            status = response.status if response else "no answer"
            print(f"skipped {path} ({status})")
            continue
        page.wait_for_timeout(300)  # let charts draw
        page.screenshot(path=OUT / f"{_name(path)}-{label}.png", full_page=True)


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


def _clinic_demo(stepdown: str, env: dict[str, str]) -> tuple[str, str]:
    """Run ``stepdown demo --clinic``; the clinician's email and authenticator secret."""
    made = subprocess.run(  # noqa: S603
        [stepdown, "demo", "--clinic", "--password", PASSWORD],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    printed = dict(re.findall(r"^\s+(email|TOTP secret):\s+(\S+)", made.stdout, re.M))
    return printed["email"], printed["TOTP secret"]


def _variants(browser: Browser, base: str, label: str, size: tuple[int, int], session: Any) -> None:
    """The main pages in each of VARIANTS, in the demo person's signed-in session (the sign-in
    form's labels are in the variant's language)."""
    for variant, options in VARIANTS.items():
        context = browser.new_context(
            viewport={"width": size[0], "height": size[1]}, storage_state=session, **options
        )
        page = context.new_page()
        _pages(page, base, MAIN_PAGES, f"{label}-{variant}")
        context.close()


def _clinic_pages(browser: Browser, base: str, email: str, secret: str) -> None:
    """The clinician signs in once (a code is good for one sign-in) and the session is reused
    at each width and in each variant: the dashboard, and the patient page of its top
    person."""
    session = None
    for label, (width, height) in WIDTHS.items():
        context = browser.new_context(
            viewport={"width": width, "height": height}, storage_state=session
        )
        page = context.new_page()
        if session is None:
            page.goto(base + "/account/login/")
            page.get_by_label("Email").fill(email)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url("**/mfa/verify/**")
            # The demo's set-up spent the current 30-second code: use the next one.
            totp = TOTP(base64.b32decode(secret + "=" * (-len(secret) % 8)))
            totp.time = time.time() + 30
            page.get_by_label("Code").fill(f"{totp.token():06d}")
            page.get_by_role("button", name="Continue").click()
            page.wait_for_load_state()
            session = context.storage_state()
        context.close()
        for variant, options in {"": {}, **VARIANTS}.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, storage_state=session, **options
            )
            page = context.new_page()
            name = f"{label}-{variant}" if variant else label
            page.goto(base + "/clinic/")
            page.wait_for_timeout(300)
            page.screenshot(path=OUT / f"clinic-dashboard-{name}.png", full_page=True)
            top = page.locator("main table a, main ol a, main ul a").filter(
                has_text=re.compile(r"\w")
            )
            page.goto(base + str(top.first.get_attribute("href")))
            page.wait_for_timeout(300)
            page.screenshot(path=OUT / f"clinic-patient-{name}.png", full_page=True)
            context.close()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    stepdown = str(Path(sys.executable).with_name("stepdown"))
    with tempfile.TemporaryDirectory(prefix="stepdown-shots-") as data_dir:
        env = {**os.environ, "STEPDOWN_DATA_DIR": data_dir}
        subprocess.run([stepdown, "demo", "--password", PASSWORD], env=env, check=True)  # noqa: S603
        django_env = {**env, "DJANGO_SETTINGS_MODULE": "stepdown.config.settings"}
        subprocess.run([sys.executable, "-c", FIRST_WEEK], env=django_env, check=True)  # noqa: S603
        subprocess.run([sys.executable, "-c", EMOJI_PRODUCT], env=django_env, check=True)  # noqa: S603
        clinician, secret = _clinic_demo(stepdown, env)
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
                skin_session = ""
                for label, (width, height) in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": height})
                    page = context.new_page()
                    for path in PUBLIC_PAGES:
                        page.goto(base + path)
                        page.screenshot(path=OUT / f"{_name(path)}-{label}.png", full_page=True)
                    _sign_in(page, base, "demo@stepdown.example")
                    if not skin_session:
                        # One session, made in the first pass and reused by the second.
                        skin_session = _skin_session(page, base, stepdown, env)
                    _pages(page, base, [*PAGES, skin_session], label)
                    _extra_states(page, base, label)
                    session = context.storage_state()
                    context.close()
                    context = browser.new_context(viewport={"width": width, "height": height})
                    first_week = f"first-week-{label}"
                    week_page = context.new_page()
                    _sign_in(week_page, base, FIRST_WEEK_EMAIL)
                    _pages(week_page, base, FIRST_WEEK_PAGES, first_week)
                    context.close()
                    _variants(browser, base, label, (width, height), session)
                _clinic_pages(browser, base, clinician, secret)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Screenshots saved in {OUT}")


if __name__ == "__main__":
    main()
