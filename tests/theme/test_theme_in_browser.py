"""The theme in a real browser: the phone menu, the language switch, no sideways scrolling."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERFLOWING = """() => [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.sr-only, .collapse:not(.show), .dropdown-menu:not(.show)'))
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
    .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))"""


def test_phone_menu_opens_and_nothing_scrolls_sideways(live_server, page: Page):
    # given
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/en/catalogue/")
    role_nav = page.locator("nav.role-nav")
    expect(role_nav).to_be_hidden()
    assert page.evaluate(OVERFLOWING) == []

    # when
    page.locator(".site-header__toggler").click()

    # then
    expect(role_nav).to_be_visible()
    expect(role_nav.get_by_role("link", name="Sign in for your business prices")).to_be_visible()
    expect(page.locator('[data-lang="zh-hans"]')).to_be_visible()
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_desktop_shows_role_navigation_without_a_menu_button(live_server, page: Page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/en/catalogue/")

    expect(page.locator("nav.role-nav")).to_be_visible()
    expect(page.locator(".site-header__toggler")).to_be_hidden()
    expect(page.locator("#id_q")).to_be_visible()
    expect(page.locator("#basket-summary")).to_be_visible()


def test_language_switch_keeps_the_page_and_sticks(live_server, page: Page):
    # given
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/en/basket/")

    # when
    page.locator('[data-lang="zh-hans"]').click()

    # then
    expect(page).to_have_url(re.compile(r"/zh-hans/basket/$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator('label[for="id_q"]')).to_have_text("搜索商品")
    page.goto(f"{live_server.url}/basket/")
    expect(page).to_have_url(re.compile(r"/zh-hans/basket/$"))

    # and back
    page.locator('[data-lang="en"]').click()
    expect(page).to_have_url(re.compile(r"/en/basket/$"))
