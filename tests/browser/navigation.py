"""Following the main navigation as a person would: on a phone the places sit behind "Menu"."""

from __future__ import annotations

from playwright.sync_api import Page


def follow_nav(page: Page, name: str) -> None:
    """Click the main-navigation link ``name``, opening "Menu" (and "More") when needed."""
    header = page.locator("header.site-header")
    toggle = header.get_by_role("button", name="Menu")
    if toggle.is_visible():
        toggle.click()
    link = header.get_by_role("link", name=name, exact=True)
    if not link.is_visible():
        header.locator("summary", has_text="More").click()
    link.click()
