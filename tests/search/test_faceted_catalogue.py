"""The shop's product index and faceted pages: SKU ranking, currency prices, cards, query budget, updates."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from haystack.query import SearchQuerySet

pytestmark = pytest.mark.django_db


def test_price_fields_per_currency_and_no_value_without_a_rate(catalogue):
    result = SearchQuerySet().filter(django_id=catalogue.products["gel"].pk)[0]
    assert result.price_cny == pytest.approx(12.0)
    assert result.get_additional_fields().get("price_usd") is None  # no CNY->USD rate stored


def test_exact_sku_ranks_first(client, catalogue):
    response = client.get("/en/search/", {"q": "upc-fountain"})
    results = list(response.context["results"])
    assert results and results[0].object.title == "Fountain pen gift set"


def test_cards_have_a_quantity_box_posting_to_the_basket(client, catalogue):
    html = client.get("/en/catalogue/").content.decode()
    assert 'name="quantity"' in html and "/basket/add/" in html
    assert 'data-target="#search-filters"' in html  # filters collapse behind a button on phones


def test_empty_results_suggest_a_broader_query(client, catalogue):
    response = client.get("/en/search/", {"q": "stapler zzzqqq"})
    assert response.context["paginator"].count == 0
    assert [s["name"] for s in response.context["broader_queries"]] == ["stapler"]


@pytest.mark.parametrize("page_size", [12, 24])
def test_query_budget_whatever_the_page_size(client, catalogue, page_size, django_assert_max_num_queries):
    from oscar.test.factories import create_product

    from shop.apps.search.views.base import BaseSearchView

    for number in range(30):
        create_product(title=f"Marker {number}", price=Decimal("5.00"), num_in_stock=5, upc=f"MK-{number}")
    from haystack import connections

    index = connections["default"].get_unified_index().get_index(type(catalogue.products["gel"]))
    connections["default"].get_backend().update(index, index.index_queryset())
    previous = BaseSearchView.paginate_by
    BaseSearchView.paginate_by = page_size
    try:
        client.get("/en/catalogue/")  # warm caches (site, rates)
        with django_assert_max_num_queries(12):
            response = client.get("/en/catalogue/")
        assert len(response.context["products"]) == page_size
    finally:
        BaseSearchView.paginate_by = previous


@pytest.mark.django_db(transaction=True)
def test_an_edit_is_searchable_within_two_seconds(catalogue):
    product = catalogue.products["stapler"]
    product.title = "Stapler 订书机 platinum edition"
    product.save()
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        if SearchQuerySet().auto_query("platinum").count() == 1:
            break
        time.sleep(0.05)
    assert SearchQuerySet().auto_query("platinum").count() == 1
