"""A buyer switches to 中文 and EUR, searches, adds to the basket, checks out by bank transfer,
and sees the order confirmation in Chinese with euro amounts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Page, expect

from tests.checkout.flow import make_pen, store_rates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_buyer(live_server, page: Page, django_user_model):
    buyer = django_user_model.objects.create_user(
        username="li", email="li@example.com", password="a-long-pass-123", first_name="Li"
    )
    client = Client()
    client.force_login(buyer)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return buyer


def test_chinese_euro_checkout(live_server, page: Page, search_index, signed_in_buyer):
    store_rates()
    make_pen()
    call_command("search_reindex", verbosity=0)

    page.goto(f"{live_server.url}/en/")
    page.locator('[data-lang="zh-hans"]').first.click()
    expect(page).to_have_url(re.compile(r"/zh-hans/"))
    page.locator('[data-currency="EUR"]').first.click()
    expect(page.locator('[data-currency="EUR"]').first).to_have_attribute("aria-pressed", "true")

    search = page.locator('input[name="q"]').first
    search.fill("中性笔")
    search.press("Enter")
    card = page.locator("article.product_pod").filter(has_text="中性笔 0.5毫米")
    expect(card).to_contain_text("€3.28")
    card.locator("a").first.click()
    page.locator("#add_to_basket_form button[type=submit]").click()

    page.goto(f"{live_server.url}/zh-hans/checkout/")
    page.fill("#id_first_name", "Li")
    page.fill("#id_last_name", "Wei")
    page.fill("#id_line1", "88 Century Avenue")
    page.fill("#id_line4", "Shanghai")
    page.fill("#id_postcode", "200120")
    page.fill("#id_phone_number", "+86 21 5888 8888")
    page.locator("#new_shipping_address button[type=submit], form button[type=submit]").first.click()
    if "/checkout/shipping-method/" in page.url:
        page.locator('form:has(input[name="method_code"][value="free-shipping"]) button[type=submit]').click()
    expect(page).to_have_url(re.compile(r"/zh-hans/checkout/payment-method/"))
    page.locator('#payment_method_form input[value="bank-transfer"]').check()
    page.locator("#choose-payment-method").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/checkout/preview/"))
    page.locator("#place-order").click()

    expect(page).to_have_url(re.compile(r"/zh-hans/checkout/thank-you/"))
    body = page.locator("body")
    expect(body).to_contain_text("中性笔 0.5毫米")
    expect(body).to_contain_text("€3.28")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")

    from oscar.core.loading import get_model

    order = get_model("order", "Order").objects.get()
    assert (order.currency, order.total_incl_tax) == ("EUR", Decimal("3.28"))
    assert order.currency_record.rates.count() == 1  # EUR→CNY, inverted for CNY→EUR
