"""Storefront pages render through the theme in both languages, with Oscar's behaviour intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    ("language", "search_label", "skip_link"),
    [("en", "Search products", "Skip to main content"), ("zh-hans", "搜索商品", "跳到主要内容")],
)
def test_catalogue_renders_through_the_theme_in_each_language(client, language, search_label, skip_link):
    # when
    response = client.get(f"/{language}/catalogue/")

    # then
    assert response.status_code == 200
    assert "oscar/layout.html" in [t.name for t in response.templates]
    page = soup(response)
    assert page.html["lang"] == language
    assert page.select_one('label[for="id_q"]').get_text(strip=True) == search_label
    assert page.select_one(".skip-link").get_text(strip=True) == skip_link
    assert page.select_one("#basket-summary") is not None
    assert page.select_one("main#main") is not None


def test_product_page_keeps_oscars_add_to_basket_form(client, make_catalogue):
    # given
    product = make_catalogue(categories=1, products=1)["products"][0]

    # when
    with translation.override("zh-hans"):
        url = product.get_absolute_url()
    page = soup(client.get(url))

    # then
    assert page.select_one("h1").get_text(strip=True) == product.title_zh_hans
    assert page.select_one("#add_to_basket_form") is not None


def test_adding_to_basket_updates_the_header_summary(client, make_catalogue):
    # given
    product = make_catalogue(categories=1, products=1)["products"][0]

    # when
    with translation.override("en"):
        add_url = reverse("basket:add", kwargs={"pk": product.pk})
    client.post(add_url, {"quantity": 3})
    page = soup(client.get("/en/catalogue/"))

    # then
    summary = page.select_one("#basket-summary")
    assert summary.select_one(".basket-summary__count").get_text(strip=True) == "3"
    assert "3 items" in summary.get_text(" ", strip=True)


def test_pages_load_scripts_from_this_site_only(client):
    page = soup(client.get("/en/catalogue/"))

    sources = [tag["src"] for tag in page.select("script[src]")]
    assert sources
    assert all(src.startswith("/static/") for src in sources)
    styles = [tag["href"] for tag in page.select('link[rel="stylesheet"]')]
    assert "/static/shop/theme.css" in styles


def test_theme_templates_carry_no_inline_event_handlers():
    """The theme's own markup needs no inline script permission from the content security policy."""
    templates = Path(__file__).resolve().parents[2] / "themes" / "default" / "templates"
    handler = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)

    offenders = [str(path) for path in templates.rglob("*.html") if handler.search(path.read_text())]

    assert offenders == []
