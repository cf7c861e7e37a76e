"""Click-through: a company buyer orders on account, the supplier confirms and ships part of it,
the buyer sees the partial shipment and the timeline (Playwright + Debian's Chromium, live server)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from playwright.sync_api import Page, expect

from shop.companies.models import Company, Membership

from .conftest import stocked_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's chromium is not installed"),
]


def sign_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )


def test_order_on_account_confirmed_and_partly_shipped(live_server, page: Page, browser, make_user, paper_co):
    from oscar.core.loading import get_model

    Country = get_model("address", "Country")
    Country.objects.get_or_create(
        iso_3166_1_a2="CN", defaults={"name": "China", "printable_name": "China", "is_shipping_country": True}
    )
    company = Company.objects.create(
        name="Alpha Stationers", pays_on_account=True, credit_limit=Decimal("5000.00"), billing_currency="CNY"
    )
    buyer = make_user("bob@alpha.example", first_name="Bob")
    Membership.objects.create(user=buyer, company=company, role=Membership.Role.BUYER)
    paper = stocked_product(paper_co, "A4 paper, carton", "A4-500", "20.00", 100)
    with translation.override("en"):
        product_url = paper.get_absolute_url()

    # the buyer orders 12 cartons on the company's account
    sign_in(page.context, live_server, buyer)
    page.goto(f"{live_server.url}{product_url}")
    page.fill("#add_to_basket_form input[name=quantity]", "12")
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(f"{live_server.url}/en/checkout/")
    page.fill("#id_first_name", "Bob")
    page.fill("#id_last_name", "Li")
    page.fill("#id_line1", "88 Century Avenue")
    page.fill("#id_line4", "Shanghai")
    page.fill("#id_postcode", "200120")
    page.fill("#id_phone_number", "+86 21 5888 8888")
    page.locator("#new_shipping_address button[type=submit], form button[type=submit]").first.click()
    if "/checkout/shipping-method/" in page.url:
        page.locator('form:has(input[name="method_code"][value="free-shipping"]) button[type=submit]').click()
    expect(page).to_have_url(re.compile(r"/en/checkout/payment-method/"))
    page.locator('#payment_method_form input[value="on-account"]').check()
    page.locator("#choose-payment-method").click()
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(r"/en/checkout/thank-you/"))
    number = get_model("order", "Order").objects.get().number

    # the supplier confirms and ships 5 of the 12 with a tracking number
    supplier_context = browser.new_context()
    supplier = supplier_context.new_page()
    sign_in(supplier_context, live_server, paper_co[1])
    supplier.goto(f"{live_server.url}/en/orders/supplier/")
    supplier.get_by_role("link", name=number).click()
    supplier.locator(".transition-form button[value=confirmed]").click()
    expect(supplier.locator(".group-state")).to_have_text("Confirmed")
    supplier.locator(".ship-form input[type=number]").first.fill("5")
    supplier.fill(".ship-form input[name=tracking_number]", "SF1234567")
    supplier.locator(".ship-button").click()
    expect(supplier.locator(".group-state")).to_have_text("Partially shipped")
    supplier_context.close()

    # the buyer sees the partial shipment and every step on the order's timeline
    page.goto(f"{live_server.url}/en/accounts/company/orders/{number}/")
    expect(page.locator("#order-status")).to_have_text("Partially shipped")
    timeline = page.locator("#order-timeline")
    expect(timeline).to_contain_text("Order placed")
    expect(timeline).to_contain_text("Confirmed")
    expect(timeline).to_contain_text("SF1234567")
    expect(page.locator("#order-payment")).to_contain_text("Pay on account")
    expect(page.locator(".group-lines tbody td").nth(3)).to_have_text("5")
