"""Click-through of the loaded demo: the operator follows an alert from the dashboard front page, the supplier
finds and confirms the overdue order through the navigation, the distributor reaches its stock on a phone
(Playwright + Debian's Chromium, live server)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from playwright.sync_api import Page, expect

from shop.demo.builder import DemoBuilder
from shop.orders.models import FulfilmentGroup, State

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed"),
]


def sign_in(page: Page, live_server, username: str) -> None:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )


def test_demo_people_find_their_work_by_clicking(live_server, page: Page, media):
    with translation.override("en"):
        DemoBuilder(60, storage=media).build()

    # the operator sees the overdue order on the dashboard front page and opens it
    sign_in(page, live_server, "operator")
    page.goto(f"{live_server.url}/en/dashboard/")
    expect(page.locator("#stock-alerts tbody tr")).to_have_count(3)
    page.locator("#order-alerts a", has_text="DEMO-1004").click()
    expect(page).to_have_url(re.compile(r"/en/dashboard/b2b-orders/DEMO-1004/$"))

    # the supplier goes from the shortcut bar to the order and confirms it
    sign_in(page, live_server, "supplier")
    page.goto(f"{live_server.url}/en/")
    page.locator("a.role-nav__link", has_text="Orders to fulfil").click()
    page.locator("a", has_text="DEMO-1004").first.click()
    page.locator("button.action-confirmed").click()
    expect(page.locator("body")).to_contain_text("Confirmed")
    assert FulfilmentGroup.objects.get(order__number="DEMO-1004").state == State.CONFIRMED

    # the distributor, on a phone, reaches its consignment warehouse in Chinese
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, "distributor")
    page.goto(f"{live_server.url}/zh-hans/accounts/company/")
    page.locator("ul.nav-tabs a.nav-link", has_text="库存").click()
    expect(page.locator("ul.nav-tabs a.nav-link.active")).to_have_text("库存")
    page.locator("#own-warehouses a", has_text="HZ-XIAOSHAN").click()
    expect(page.locator("table")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
