"""A warehouse clerk, in 中文, corrects stock after damage and moves stock between warehouses — clicking through
the staff inventory pages in Debian's Chromium; refused input shows a message and leaves the ledger unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.test import Client
from django.utils import translation
from playwright.sync_api import Page, expect

from shop.inventory.models import StockMovement, WarehouseStock
from shop.inventory.services import receive_stock

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture
def clerk(live_server, page: Page, admin_user):
    client = Client()
    client.force_login(admin_user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return admin_user


def test_adjust_and_transfer_in_chinese(live_server, page: Page, clerk, record, shanghai, beijing):
    receive_stock(shanghai, record, 30)

    # the warehouse list, then Shanghai's stock
    page.goto(f"{live_server.url}/zh-hans/dashboard/inventory/warehouses/")
    expect(page.locator("#warehouse-table")).to_contain_text("Shanghai DC")
    page.locator("#warehouse-table a", has_text="SH").click()
    row = page.locator("#stock-table tr", has_text="GP-12")
    expect(row).to_contain_text("30")

    # an adjustment without a reason is refused, in Chinese; nothing is written
    row.get_by_role("link", name="调整").click()
    page.fill("#id_delta", "-3")
    page.get_by_role("button", name="保存").click()
    with translation.override("zh-hans"):
        required = str(forms.Field.default_error_messages["required"])
    expect(page.locator("#stock-form .invalid-feedback")).to_have_text(required)
    assert StockMovement.objects.filter(kind="adjustment").count() == 0

    # with a reason it is recorded and listed in the ledger
    page.fill("#id_delta", "-3")
    page.fill("#id_reason", "受潮")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#movement-table")).to_contain_text("受潮")
    expect(page.locator("#movement-table")).to_contain_text("调整")

    # a transfer of more than is there is refused with the ledger's message; a smaller one goes through
    page.goto(f"{live_server.url}/zh-hans/dashboard/inventory/transfer/?source={shanghai.pk}&sku=GP-12")
    page.select_option("#id_destination", str(beijing.pk))
    page.fill("#id_quantity", "50")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#stock-form .alert-danger")).to_contain_text("仅有 27 件在库")
    page.fill("#id_quantity", "7")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#movement-table")).to_contain_text("调入")

    assert sorted(WarehouseStock.objects.values_list("warehouse__code", "quantity")) == [("BJ", 7), ("SH", 20)]


def test_stock_pages_fit_a_phone(live_server, page: Page, clerk, record, shanghai):
    receive_stock(shanghai, record, 30)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/zh-hans/dashboard/inventory/movements/")
    expect(page.locator("#movement-table")).to_contain_text("GP-12")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px on a phone"
