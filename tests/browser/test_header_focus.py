"""The page shell on a phone and a desktop: a one-row header with help always in reach, a focus
ring that can be seen, answers that fit their buttons, and a name for every form control."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from tests.browser.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
MAIN_PAGES = ["/today/", "/checkins/", "/plan/", "/doses/", "/products/"]
# Every page a signed-in person reaches from the navigation, plus the forms behind them.
ALL_PAGES = [
    *MAIN_PAGES,
    "/products/new/",
    "/plan/new/",
    "/checkins/daily/",
    "/checkins/craving/",
    "/checkins/withdrawal/",
    "/checkins/schedule/",
    "/goals/",
    "/risk/",
    "/learn/",
    "/learn/support/",
    "/learn/tools/urge/",
    "/skin/",
    "/alerts/",
    "/substances/",
    "/substances/medicines/",
    "/reminders/",
    "/account/settings/",
]
CONTROL_ROLES = {
    "textbox", "searchbox", "spinbutton", "slider", "combobox", "listbox", "checkbox", "radio",
    "switch", "button", "menuitem",
}  # fmt: skip


@pytest.fixture
def demo(db: Any) -> tuple[str, str]:
    from stepdown.demo import create_demo

    return create_demo(password="a-long-test-passphrase")


def _signed_in(browser: Browser, live_server: Any, demo: tuple[str, str], viewport: Any) -> Page:
    context = browser.new_context(viewport=viewport, base_url=live_server.url)
    page = context.new_page()
    page.goto("/account/login/")
    page.get_by_label("Email").fill(demo[0])
    page.get_by_label("Password").fill(demo[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/today/")
    return page


@pytest.fixture
def phone(browser: Browser, live_server: Any, demo: tuple[str, str]) -> Iterator[Page]:
    page = _signed_in(browser, live_server, demo, PHONE)
    yield page
    page.context.close()


@pytest.fixture
def desktop(browser: Browser, live_server: Any, demo: tuple[str, str]) -> Iterator[Page]:
    page = _signed_in(browser, live_server, demo, DESKTOP)
    yield page
    page.context.close()


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def _on_top(page: Page, selector: str) -> bool:
    """True when the element's centre is not covered by anything else."""
    covered = page.locator(selector).first.evaluate(
        """el => { const r = el.getBoundingClientRect();
                   const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                   return hit !== null && (hit === el || el.contains(hit))
                     ? "" : (hit ? hit.outerHTML.slice(0, 200) : "nothing"); }"""
    )
    assert covered == "", f"{selector} is covered by {covered}"
    return True


# -- the header --------------------------------------------------------------------------------


def test_phone_header_is_one_row_and_help_stays_visible(phone: Page) -> None:
    for path in MAIN_PAGES:
        phone.goto(path)
        header = _box(phone, "header.site-header")
        assert header["height"] <= 72, (path, header)  # was ~200 px: three rows
        help_now = _box(phone, "header .help-now")
        brand = _box(phone, "header .brand")
        assert (
            abs((help_now["y"] + help_now["height"] / 2) - (brand["y"] + brand["height"] / 2)) < 12
        )
        assert help_now["x"] + help_now["width"] <= PHONE["width"]
        assert _on_top(phone, "header .help-now")
    # The menu opens below the row: "Get help now" is still there, and still clickable.
    phone.get_by_role("button", name="Menu").click()
    menu = phone.locator("#nav-menu")
    expect(menu.get_by_role("link", name="Today", exact=True)).to_be_visible()
    phone.locator("#nav-menu summary", has_text="More").click()
    expect(menu.get_by_role("link", name="Medicines", exact=True)).to_be_visible()
    assert _on_top(phone, "header .help-now")
    phone.locator("header .help-now").click()
    phone.wait_for_url("**/help/")
    # In French too: its "Get help now" once pushed the page 13 px wider than the phone.
    phone.set_extra_http_headers({"Accept-Language": "fr"})
    phone.goto("/today/")
    assert phone.locator("html").get_attribute("lang") == "fr"
    assert _box(phone, "header.site-header")["height"] <= 72
    help_now = _box(phone, "header .help-now")
    assert help_now["x"] + help_now["width"] <= PHONE["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_alert_count_and_the_whole_name_show_beside_help_on_a_phone(phone: Page) -> None:
    """Regression: the bell's count sat under "Get help now" (a margin that a more specific rule
    cancelled), and in French the longer "Aide immédiate" cut the name to "Stepdo…"."""
    for language in ("en", "fr"):
        phone.set_extra_http_headers({"Accept-Language": language})
        phone.goto("/today/")
        count = _box(phone, "header [data-testid=alert-count]")
        help_now = _box(phone, "header .help-now")
        assert count["x"] + count["width"] <= help_now["x"], (language, count, help_now)
        assert _on_top(phone, "header [data-testid=alert-count]")
        clipped = phone.locator("header .brand").evaluate("el => el.scrollWidth > el.clientWidth")
        assert not clipped, language


def test_the_footers_links_keep_to_their_words_on_a_phone(phone: Page) -> None:
    """Regression: Pico made every submit button full width, so the footer's sign-out and the
    two languages each took a line of their own, with a stray "·" between them."""
    phone.goto("/today/")
    english = _box(phone, ".language-switch button[value=en]")
    french = _box(phone, ".language-switch button[value=fr]")
    assert abs(english["y"] - french["y"]) < 4, (english, french)  # one line
    assert english["width"] < 120
    sign_out = _box(phone, ".site-footer [data-sign-out] button")
    assert sign_out["width"] < 160


def test_no_page_is_wider_than_a_phone_in_either_language(phone: Page) -> None:
    # Regression: the journal's table scrolls in its own box, but the hidden heading of its last
    # column was positioned against the page and made /doses/ 584 px wide.
    too_wide = {}
    for language in ("en", "fr"):
        phone.set_extra_http_headers({"Accept-Language": language})
        for path in ALL_PAGES:
            phone.goto(path)
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[f"{language} {path}"] = width
    assert too_wide == {}


def test_help_is_reached_by_keyboard_and_the_menu_works_with_keys(phone: Page) -> None:
    phone.goto("/today/")
    names = []
    for _ in range(8):
        phone.keyboard.press("Tab")
        names.append(phone.evaluate("document.activeElement.textContent.trim()"))
        if names[-1] == "Get help now":
            break
    assert names[-1] == "Get help now", names
    phone.get_by_role("button", name="Menu").focus()
    phone.keyboard.press("Enter")
    expect(phone.locator("#nav-menu")).to_be_visible()
    phone.keyboard.press("Escape")
    expect(phone.locator("#nav-menu")).to_be_hidden()


def test_desktop_header_shows_the_places_in_one_row(desktop: Page) -> None:
    desktop.goto("/today/")
    assert _box(desktop, "header.site-header")["height"] <= 72
    expect(desktop.get_by_role("button", name="Menu")).to_be_hidden()
    for name in ("Today", "Check-in", "Plan", "Journal"):
        expect(desktop.locator("header").get_by_role("link", name=name, exact=True)).to_be_visible()
    desktop.locator("header summary", has_text="More").click()
    expect(desktop.get_by_role("link", name="Medicines", exact=True)).to_be_visible()
    assert _on_top(desktop, "header .help-now")


# -- focus ring contrast (WCAG 2.2, 2.4.13: 3:1 against the colours next to it) -----------------


def _rgb(css: str) -> tuple[float, float, float]:
    found = re.findall(r"[\d.]+", css)
    assert len(found) >= 3, css
    return float(found[0]), float(found[1]), float(found[2])


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two CSS rgb() colours."""
    light, dark = sorted((_luminance(_rgb(first)), _luminance(_rgb(second))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_pairs() -> None:
    # Known answers from the WCAG definition: black on white is 21:1, equal colours 1:1, and
    # #767676 on white is the classic 4.54:1 grey.
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgb(10, 20, 30)", "rgb(10, 20, 30)") == pytest.approx(1)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


def test_focus_ring_has_3_to_1_contrast_on_green_red_and_white(phone: Page) -> None:
    phone.goto("/today/")
    page_background = phone.evaluate("getComputedStyle(document.body).backgroundColor")
    if page_background in ("rgba(0, 0, 0, 0)", "transparent"):
        page_background = "rgb(255, 255, 255)"
    targets = {
        "green button": "main button[type=submit]:not(.secondary):not(.outline)",
        "help button": "header .help-now",
        "link": "header .brand",
    }
    for label, selector in targets.items():
        element = phone.locator(selector).first
        element.focus()
        phone.keyboard.press("Shift+Tab")
        phone.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
        assert element.evaluate(
            "el => el === document.activeElement && el.matches(':focus-visible')"
        )
        phone.wait_for_timeout(400)  # Pico animates box-shadow; read the settled ring
        style = element.evaluate(
            """el => { const s = getComputedStyle(el);
                       return {ring: s.outlineColor, width: parseFloat(s.outlineWidth),
                               style: s.outlineStyle, offset: parseFloat(s.outlineOffset),
                               shadow: s.boxShadow, fill: s.backgroundColor}; }"""
        )
        assert style["style"] == "solid", label
        assert style["width"] >= 2, label
        halo = re.match(r"(rgba?\([^)]*\))", style["shadow"])
        assert halo is not None, (label, style["shadow"])
        # The ring sits between the halo and the page; the halo between the ring and the element.
        assert contrast(style["ring"], page_background) >= 3, (label, style)
        assert contrast(style["ring"], halo.group(1)) >= 3, (label, style)
        if not style["fill"].startswith("rgba(0, 0, 0, 0"):
            assert (
                contrast(halo.group(1), style["fill"]) >= 3
                or contrast(style["ring"], style["fill"]) >= 3
            ), (label, style)


# -- answers fit their buttons; every control has a name ---------------------------------------


def test_a_selected_answer_fits_its_segmented_button_on_a_phone(phone: Page) -> None:
    phone.goto("/checkins/daily/")
    segments = phone.locator("label.seg")
    assert segments.count() > 0
    for index in range(segments.count()):
        segment = segments.nth(index)
        segment.click()
        overflow = segment.evaluate(
            """el => { const box = el.getBoundingClientRect();
                       return [...el.querySelectorAll('*')].some(child => {
                         const c = child.getBoundingClientRect();
                         return c.right > box.right + 0.5 || c.left < box.left - 0.5; })
                         || el.scrollWidth > el.clientWidth + 1; }"""
        )
        assert not overflow, segment.inner_text()


def _unnamed_controls(page: Page) -> list[str]:
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")
    session.detach()
    missing = []
    for node in tree["nodes"]:
        if node.get("ignored"):
            continue
        role = node.get("role", {}).get("value")
        name = str(node.get("name", {}).get("value", "")).strip()
        if role in CONTROL_ROLES and not name:
            missing.append(f"{role} (backend node {node.get('backendDOMNodeId')})")
    return missing


def _unlabelled(page: Page) -> list[str]:
    """Controls with no label of any kind, including the sliders that repeat a number box for
    fingers (hidden from screen readers, but still a control a person sees and uses)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('input, select, textarea, button')]
             .filter(el => el.type !== 'hidden')
             .filter(el => !el.labels?.length && !el.getAttribute('aria-label')
                           && !el.getAttribute('aria-labelledby') && !el.title
                           && !(el.tagName === 'BUTTON' && el.textContent.trim()))
             .map(el => el.outerHTML.slice(0, 160))"""
    )


def test_every_form_control_on_every_main_page_has_an_accessible_name(phone: Page) -> None:
    problems: dict[str, Any] = {}
    for path in ALL_PAGES:
        response = phone.goto(path)
        assert response is not None
        assert response.status == 200, path
        # Closed <details> hide their forms from the tree; open them all first.
        phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        missing = _unnamed_controls(phone)
        unlabelled = _unlabelled(phone)
        if missing or unlabelled:
            problems[path] = (missing, unlabelled)
    assert problems == {}
