"""An editor builds a promo page in the CMS (hero, search-fed product grid, countdown), previews it on a phone
and publishes it; a buyer sees it with their own price in their currency; once it expires it is gone."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.checkout.flow import make_pen, store_rates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Correct-Horse-Stapler-42"


@pytest.fixture
def editor(django_user_model):
    """A lead editor: an Editor who is also an Approver, so the journey can publish without a second person."""
    from cms.editorial import APPROVERS_GROUP, ensure_editorial_setup
    from shop.core.roles import GROUP_NAMES, Role

    ensure_editorial_setup()
    user = django_user_model.objects.create_user(username="mei", email="mei@example.com", password=PASSWORD)
    user.groups.add(Group.objects.get(name=GROUP_NAMES[Role.EDITOR]), Group.objects.get(name=APPROVERS_GROUP))
    return user


@pytest.fixture
def euro_buyer(django_user_model):
    from shop.currency.models import BuyerCurrency

    buyer = django_user_model.objects.create_user(username="li", email="li@example.com", password=PASSWORD)
    BuyerCurrency.objects.create(user=buyer, currency="EUR")
    return buyer


def sign_in_as(page: Page, live_server, user) -> None:
    from django.conf import settings

    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": live_server.url}])


def add_block(page: Page, label: str) -> None:
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label).first.click()


def test_editor_builds_previews_and_publishes_a_promo_page_a_buyer_sees_it_until_it_expires(
    live_server, page: Page, search_index, editor, euro_buyer
):
    from wagtail.models import Site

    from cms.models import PromoPage

    store_rates()
    make_pen()
    call_command("search_reindex", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page

    # the editor signs in to the CMS
    page.goto(f"{live_server.url}/cms-admin/login/")
    page.fill("#id_username", "mei")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/cms-admin/$"))

    # creates a promo page under the home page
    page.goto(f"{live_server.url}/cms-admin/pages/add/cms/promopage/{home.pk}/")
    page.fill("#id_title", "Back to school")

    add_block(page, "Hero banner")
    page.fill("#body-0-value-headline", "Pens by the carton")
    page.fill("#body-0-value-subline", "Business prices for the new term")

    add_block(page, "Product grid")
    page.fill("#body-1-value-title", "Gel pens")
    page.fill("#body-1-value-query", "pen")
    page.select_option("#body-1-value-sort", "price-asc")
    page.fill("#body-1-value-count", "4")

    add_block(page, "Countdown")
    page.fill("#body-2-value-headline", "Offer ends in")
    ends = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    page.fill("#body-2-value-ends_at", ends)
    page.keyboard.press("Escape")
    page.locator("#id_title").click()  # away from the date picker, which may still cover the footer

    # saves a draft (Wagtail's ctrl+s, which no open picker can cover) and previews it at phone size
    page.keyboard.press("Control+s")
    expect(page.locator(".messages")).to_contain_text("created")
    draft = PromoPage.objects.get(slug="back-to-school")
    assert not draft.live
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator(".hero__headline")).to_have_text("Pens by the carton")
    expect(preview.locator(".cms-countdown__headline")).to_have_text("Offer ends in")
    phone = page.locator('input[name="preview-size"][value="phone"]')
    expect(phone).to_be_checked()  # the phone size is the default preview
    expect(phone).to_have_attribute("data-device-width", "390")
    expect(page.locator('input[name="preview-size"][value="desktop"]')).to_have_attribute("data-device-width", "1280")

    # publishes
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[name="action-publish"]').click()
    expect(page.locator(".messages")).to_contain_text("published")
    draft.refresh_from_db()
    assert draft.live

    # a buyer who pays in euros sees the page with their price
    sign_in_as(page, live_server, euro_buyer)
    page.goto(f"{live_server.url}/en/back-to-school/")
    expect(page.locator(".hero__headline")).to_have_text("Pens by the carton")
    card = page.locator(".cms-products .product-card").first
    expect(card).to_contain_text("Gel pen 0.5 mm")
    expect(card).to_contain_text("€3.28")
    expect(page.locator(".cms-countdown__clock")).to_be_visible()

    # the campaign expires: the publish scheduler takes the page down
    PromoPage.objects.filter(pk=draft.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=5))
    call_command("publish_scheduled")
    response = page.goto(f"{live_server.url}/en/back-to-school/")
    assert response.status == 404
