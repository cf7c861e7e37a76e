"""Click-through in Chromium: a buyer is refused 13 of a box-of-12 pen on the product page and the basket page;
a buyer adds a box of 12 from its catalogue card;
a visitor sees "Sign in for prices" when the operator hides prices, and the link leads to the sign-in page."""

from __future__ import annotations

import re

import pytest
from b2b_pricing.models import ProductOrderRule
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PACKS_13 = "Gel pen 0.5 blue is sold in packs of 12, so 13 cannot be ordered: order 12 or 24."


def sign_in(page: Page, live_server, user) -> None:
    """Start the browser with the user's session (the sign-in form has its own tests)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_a_buyer_is_refused_13_of_a_box_of_12_and_orders_12(live_server, page: Page, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    sign_in(page, live_server, buyer_a)
    page.goto(f"{live_server.url}{pen.get_absolute_url()}")
    expect(page.locator("section.b2b-pricing")).to_contain_text("Sold in packs of 12.")

    page.locator("#add_to_basket_form input[name=quantity]").fill("13")
    page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator("#add_to_basket_form")).to_contain_text(PACKS_13)  # and as a flash message
    expect(page.locator("#add_to_basket_form input[name=quantity]")).to_have_value("13")

    page.locator("#add_to_basket_form input[name=quantity]").fill("12")
    page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert-success, .alert-info").first).to_be_visible()

    page.goto(f"{live_server.url}/en/basket/")
    quantity = page.locator("input[name='form-0-quantity']")
    expect(quantity).to_have_value("12")
    quantity.fill("13")
    page.locator("#basket_formset button[type=submit]").first.click()
    expect(page.locator("body")).to_contain_text(PACKS_13)
    page.goto(f"{live_server.url}/en/basket/")
    expect(page.locator("input[name='form-0-quantity']")).to_have_value("12")


@pytest.fixture
def listed_pen(pen, settings, tmp_path):
    from haystack import connections

    from tests.conftest import restore_search_connections

    previous = connections.connections_info
    info = {"default": {"ENGINE": "shop.searchengine.embedded.EmbeddedEngine", "PATH": str(tmp_path / "index")}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    call_command("search_reindex", verbosity=0)
    yield pen
    restore_search_connections(settings, previous)


def test_a_visitor_is_asked_to_sign_in_for_prices(live_server, page: Page, listed_pen, settings):
    settings.B2B_PRICING_HIDE_ANONYMOUS = True
    page.goto(f"{live_server.url}/en/catalogue/")
    card = page.locator("article.product_pod").filter(has_text="Gel pen 0.5 blue")
    expect(card).to_contain_text("Sign in for prices")
    expect(card).not_to_contain_text("3.50")
    card.get_by_role("link", name="Sign in for prices").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next=/en/catalogue/"))


def test_a_buyer_adds_a_box_of_12_from_its_listing_card(live_server, page: Page, buyer_a, listed_pen):
    ProductOrderRule.objects.create(product=listed_pen, pack_size=12)
    sign_in(page, live_server, buyer_a)
    page.goto(f"{live_server.url}/en/catalogue/")
    card = page.locator("article.product_pod").filter(has_text="Gel pen 0.5 blue")
    box = card.locator("input[name=quantity]")
    expect(box).to_have_value("12")
    expect(card).to_contain_text("Packs of 12, from 12")
    for width in (375, 1280):  # a phone's two columns and the desktop's four: box and button stay inside the card
        page.set_viewport_size({"width": width, "height": 900})
        outer = card.bounding_box()
        for part in (box, card.locator("button[type=submit]")):
            inner = part.bounding_box()
            assert outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"], width
    box.fill("13")
    assert box.evaluate("el => el.checkValidity()") is False  # the browser already steps by the pack
    box.fill("24")
    assert box.evaluate("el => el.checkValidity()") is True
    box.fill("12")
    card.locator("button[type=submit]").click()
    expect(page.locator(".alert-success, .alert-info").first).to_be_visible()

    page.goto(f"{live_server.url}/en/basket/")
    expect(page.locator("input[name='form-0-quantity']")).to_have_value("12")
