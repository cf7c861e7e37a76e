"""The CMS home page: editor blocks, category tiles and the new-arrivals strip, in both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.theme.urls")]

# Everything a home page visit costs, whatever the catalogue size: session, basket, site and page
# lookup, role links, menu categories, tiles, and the product strip with its prefetches.
HOME_PAGE_MAX_QUERIES = 30


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_home_page_shows_blocks_categories_and_new_products_in_english(client, home_page, make_catalogue):
    # given
    catalogue = make_catalogue(categories=3, products=4)

    # when
    response = client.get("/en/")

    # then
    assert response.status_code == 200
    assert "cms/home_page.html" in [t.name for t in response.templates]
    page = soup(response)
    assert page.html["lang"] == "en"
    assert page.select_one(".hero__headline").get_text(strip=True) == "Stock the stationery cupboard"
    assert page.select_one(".hero__button")["href"] == "/en/catalogue/"
    assert "Next-day dispatch from our warehouse." in page.select_one(".rich-text").get_text()
    assert page.select_one("#home-categories-title").get_text(strip=True) == "Shop by category"
    tiles = {
        tile.select_one(".category-tile__name").get_text(strip=True): tile["href"]
        for tile in page.select(".category-tile")
    }
    for category in catalogue["categories"]:
        assert tiles[category.name] == category.get_absolute_url()
    cards = page.select("#featured-products .product-card")
    assert len(cards) == 4
    newest = catalogue["products"][-1]
    assert cards[0].select_one(".product-card__title a").get_text(strip=True) == newest.title
    assert f"{newest.stockrecords.get().price:.2f}" in cards[0].select_one(".price_color").get_text()


def test_home_page_speaks_chinese_under_the_chinese_prefix(client, home_page, make_catalogue):
    # given
    catalogue = make_catalogue(categories=2, products=2)

    # when
    response = client.get("/zh-hans/")

    # then
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "zh-hans"
    assert page.select_one("#home-categories-title").get_text(strip=True) == "按分类选购"
    assert page.select_one("#home-featured-title").get_text(strip=True) == "新品上架"
    assert catalogue["categories"][0].name_zh_hans in page.select_one(".category-tiles").get_text()
    assert catalogue["products"][1].title_zh_hans in page.select_one("#featured-products").get_text()
    assert page.select_one('[data-lang="zh-hans"]')["aria-pressed"] == "true"


def test_home_page_without_blocks_shows_a_welcoming_default(client, home_page):
    # given: an editor has not added any blocks yet, and the catalogue is empty
    home_page.body = []
    home_page.save_revision().publish()

    # when
    english = soup(client.get("/en/"))
    chinese = soup(client.get("/zh-hans/"))

    # then
    assert english.select_one(".hero__headline").get_text(strip=True) == "Everything your office writes with"
    assert english.select_one(".hero__button")["href"] == "/en/catalogue/"
    assert english.select_one(".empty-state") is not None
    assert chinese.select_one(".hero__headline").get_text(strip=True) == "办公书写用品，一站购齐"
    assert chinese.select_one(".hero__button")["href"] == "/zh-hans/catalogue/"


def test_hero_leaves_out_links_with_unsafe_schemes(client, home_page):
    # given
    home_page.body = [("hero", {"headline": "Sale", "button_text": "Go", "button_url": "javascript:alert(1)"})]
    home_page.save_revision().publish()

    # when
    page = soup(client.get("/en/"))

    # then
    assert page.select_one(".hero__headline").get_text(strip=True) == "Sale"
    assert page.select_one(".hero__button") is None
    assert "javascript:" not in str(page)


def test_home_page_query_count_does_not_grow_with_the_catalogue(
    client, home_page, make_catalogue, django_assert_max_num_queries, settings
):
    # given: the plugin switches are not re-read in the middle of the comparison
    settings.SHOP_PLUGIN_STATE_TTL = 3600
    make_catalogue(categories=2, products=2)
    client.get("/en/")  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as small:
        client.get("/en/")
    make_catalogue(categories=6, products=8)

    # when
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        response = client.get("/en/")
    with CaptureQueriesContext(connection) as large:
        client.get("/en/")

    # then
    assert len(soup(response).select("#featured-products .product-card")) == 8
    extra = [q["sql"] for q in large.captured_queries[len(small) :]]
    assert len(large) == len(small), f"queries added by a bigger catalogue: {extra}"


def test_signed_in_home_page_query_count_is_bounded(
    client, home_page, make_catalogue, retail_buyer, django_assert_max_num_queries
):
    # given
    make_catalogue(categories=4, products=8)
    client.force_login(retail_buyer)
    client.get("/en/")

    # when / then
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        response = client.get("/en/")
    assert response.status_code == 200
