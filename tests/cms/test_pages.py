"""Promo pages built from every block render for buyers; bad or empty input degrades to an empty state."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.cms.conftest import grid, in_hours

pytestmark = pytest.mark.django_db

PROMO_PAGE_MAX_QUERIES = 40


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def every_block() -> list:
    return [
        ("hero", {"headline": "Back to school", "subline": "Pens by the box", "button_text": "Shop",
                  "button_url": "/en/catalogue/", "image": None, "phone_image": None}),
        grid(title="Pens", query="pen", sort="price-asc", count=3),
        ("rich_text", "<p>Free delivery over ¥500.</p>"),
        ("category_tiles", {"title": "Aisles",
                            "categories": [{"name": "Pens", "url": "/en/catalogue/", "image": None}]}),
        ("brand_strip", {"title": "Brands", "brands": [{"name": "Deli", "logo": None, "url": ""}]}),
        ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": "How we pack"}),
        ("call_to_action", {"headline": "Open an account", "text": "", "button_text": "Apply",
                            "button_url": "javascript:alert(1)"}),
        ("faq", {"title": "FAQ", "questions": [{"question": "Do you ship abroad?", "answer": "<p>Yes.</p>"}]}),
        ("countdown", {"headline": "Flash sale", "ends_at": in_hours(26), "ended_text": "Over"}),
        ("coupon", {"code": "SCHOOL-10", "text": "10% off"}),
    ]


def test_a_promo_page_renders_every_block_for_a_visitor(client, make_promo, catalogue, django_assert_max_num_queries):
    # given
    make_promo(every_block())

    # when
    with django_assert_max_num_queries(PROMO_PAGE_MAX_QUERIES):
        response = client.get("/en/spring-sale/")

    # then
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".hero__headline").get_text(strip=True) == "Back to school"
    prices = [p.get_text(" ", strip=True) for p in page.select(".cms-products .price_color")]
    titles = [a.get_text(strip=True) for a in page.select(".cms-products .product-card__title a")]
    assert titles == ["Ballpoint pen black 圆珠笔", "Gel Pen Blue 0.5mm 中性笔", "Fountain pen gift set"]
    assert prices[0].endswith("3.50") and "¥" in prices[0]
    assert "Secret prototype pen" not in response.content.decode()
    assert page.select_one(".cms-video iframe")["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert page.select_one(".cms-cta__button") is None  # a javascript: link is not rendered
    assert page.select_one(".cms-faq__question").get_text(strip=True) == "Do you ship abroad?"
    clock = page.select_one("[data-countdown]")
    assert clock.select_one('[data-unit="days"]').get_text() == "1"
    assert page.select_one(".cms-coupon__copy")["data-copy"] == "SCHOOL-10"
    assert page.select_one('script[src$="cms/cms.js"]') is not None


def test_a_search_block_matching_nothing_shows_an_empty_state(client, make_promo, catalogue):
    make_promo([grid(title="Nothing", query="zzzz-no-such-product")])

    response = client.get("/en/spring-sale/")

    assert response.status_code == 200
    page = soup(response)
    assert page.select(".cms-products .product-card") == []
    assert page.select_one(".cms-products__empty") is not None


def test_facet_filters_narrow_the_search(client, make_promo, catalogue):
    category = catalogue.categories["paper"]
    make_promo([grid(filters=[{"field": "category", "value": category.name}], sort="price-desc")])

    page = soup(client.get("/en/spring-sale/"))

    titles = [a.get_text(strip=True) for a in page.select(".product-card__title a")]
    assert titles == ["A4复印纸 copy paper 500 sheets", "Sticky notes 便利贴 yellow"]


def test_hand_picked_products_keep_their_order_and_hide_what_cannot_be_bought(client, make_promo, catalogue):
    products = catalogue.products
    make_promo([grid(source="picked", products=[products["stapler"], products["pencil"], products["secret"],
                                                 products["notes"]])])

    page = soup(client.get("/en/spring-sale/"))

    titles = [a.get_text(strip=True) for a in page.select(".product-card__title a")]
    assert titles == ["Stapler 订书机 heavy duty", "Sticky notes 便利贴 yellow"]


def test_an_ended_countdown_renders_its_ended_text_on_the_server(client, make_promo):
    make_promo([("countdown", {"headline": "Flash sale", "ends_at": in_hours(-1), "ended_text": "Sale over"})])

    page = soup(client.get("/en/spring-sale/"))

    assert page.select_one(".cms-countdown__ended").get_text(strip=True) == "Sale over"
    assert page.select_one(".cms-countdown__clock").has_attr("hidden")


def test_more_product_blocks_cost_no_more_queries(client, make_promo, catalogue, home):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.models import PromoPage

    def queries(slug: str) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/en/{slug}/").status_code == 200
        return len(captured)

    make_promo([grid(query="pen")], slug="one-grid")
    make_promo([grid(query=q) for q in ("pen", "paper", "stapler", "notes", "gel", "ballpoint")]
               + [grid(source="picked", products=[catalogue.products["stapler"]])], slug="seven-grids")
    client.get("/en/one-grid/")  # the session and basket exist from here on

    assert PromoPage.objects.count() == 2
    # the hand-picked block reads its chosen products once; the searches and pricing add nothing per block
    assert queries("seven-grids") <= queries("one-grid") + 1


def test_a_product_cards_add_button_orders_the_smallest_quantity_the_plugins_accept(client, make_promo, catalogue):
    # given: the dummy plugin sells titles containing DUMMY-PACK in packs of 6
    from django.utils import translation

    stapler = catalogue.products["stapler"]
    with translation.override("en"):
        stapler.title = "Stapler DUMMY-PACK"
        stapler.save()
    make_promo([grid(source="picked", products=[stapler, catalogue.products["notes"]])])

    # when
    page = soup(client.get("/en/spring-sale/"))

    # then
    quantities = {
        card.select_one(".product-card__title a").get_text(strip=True): card.select_one("input[name=quantity]")["value"]
        for card in page.select(".cms-product")
    }
    assert quantities == {"Stapler DUMMY-PACK": "6", "Sticky notes 便利贴 yellow": "1"}
