"""Logging in to the admin in the browser tests, as a person would: the login form."""

from __future__ import annotations

from playwright.sync_api import Page, expect

PASSWORD = "correct horse battery staple"


def log_in(page: Page, username: str) -> None:
    """Log in as `username` (made with PASSWORD) and wait for the admin's welcome."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text(f"Welcome, {username}", exact=False)).to_be_visible()
