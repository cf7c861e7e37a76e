"""A buyer opens the home page, switches to Chinese, browses a category, opens a product, adds it to the basket."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from oscar.test import factories
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(search_index):
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    pens = create_from_breadcrumbs("Writing instruments > Gel pens")
    pens.name_zh_hans = "中性笔"
    pens.save()
    parent = pens.get_parent()
    parent.name_zh_hans = "书写工具"
    parent.save()
    products = []
    for i, (en, zh) in enumerate(
        [
            ("Gel pen 0.5 mm, black, box of 12", "中性笔 0.5毫米 黑色 12支装"),
            ("Gel pen 0.7 mm, blue, box of 12", "中性笔 0.7毫米 蓝色 12支装"),
        ]
    ):
        product = factories.create_product(
            title=en, price=Decimal("18.50") + i, num_in_stock=500, partner_sku=f"GP-{i}"
        )
        product.title_zh_hans = zh
        product.save()
        factories.ProductCategoryFactory(product=product, category=pens)
        products.append(product)
    call_command("search_reindex", verbosity=0)
    return {"category": pens, "products": products}


def test_buyer_browses_in_chinese_and_adds_to_basket(live_server, page: Page, catalogue):
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator('[data-lang="zh-hans"]').first.click()
    expect(page).to_have_url(re.compile(r"/zh-hans/"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")

    category = catalogue["category"]
    page.goto(f"{live_server.url}/zh-hans/catalogue/category/{category.full_slug}_{category.pk}/")
    card = page.locator("article.product_pod").filter(has_text="中性笔 0.5毫米")
    expect(card).to_be_visible()
    card.locator("a").first.click()

    expect(page.locator("h1")).to_contain_text("中性笔 0.5毫米 黑色 12支装")
    page.locator("#add_to_basket_form button[type=submit]").click()
    expect(page.locator(".alert-success, .alert-info").first).to_be_visible()
    page.goto(f"{live_server.url}/zh-hans/basket/")
    expect(page.locator("body")).to_contain_text("中性笔 0.5毫米")
    # the choice of language is remembered: the next visit to / lands in Chinese
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/zh-hans/"))
