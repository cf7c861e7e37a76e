"""What a listing page costs: SQL queries and search hits loaded stay flat whatever the result count."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def more_products(catalogue, backend):
    from haystack import connections
    from oscar.test.factories import create_product

    for number in range(30):
        create_product(title=f"Gel marker {number} 中性笔", price=Decimal("5.00"), num_in_stock=5, upc=f"GM-{number}")
    index = connections["default"].get_unified_index().get_index(type(catalogue.products["gel"]))
    backend.update(index, index.index_queryset())
    return catalogue


def test_selected_facets_never_load_every_hit(client, more_products, monkeypatch):
    from shop.searchengine import embedded

    loaded: list[int] = []
    original = embedded.build_results

    def spy(sources, *args, **kwargs):
        loaded.append(len(sources))
        return original(sources, *args, **kwargs)

    monkeypatch.setattr(embedded, "build_results", spy)
    response = client.get("/en/catalogue/?selected_facets=in_stock:true")
    assert response.status_code == 200 and response.context["paginator"].count == 36
    assert loaded and max(loaded) <= 24  # the page's cards; facet counts ask for no hits at all


@pytest.mark.parametrize("page_size", [12, 24])
def test_search_page_budget_with_synonyms_and_facets(client, more_products, page_size, django_assert_max_num_queries):
    from shop.apps.search.models import SynonymSet
    from shop.apps.search.views.base import BaseSearchView

    SynonymSet.objects.create(terms="中性笔\n签字笔\ngel pen")
    previous = BaseSearchView.paginate_by
    BaseSearchView.paginate_by = page_size
    url = "/en/search/?q=%E7%AD%BE%E5%AD%97%E7%AC%94&selected_facets=in_stock:true"
    try:
        client.get(url)  # warm caches (site, rates, synonym sets)
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert len(response.context["page_obj"].object_list) == page_size
        assert response.context["paginator"].count == 31  # 签字笔 found 中性笔 through the synonym set
    finally:
        BaseSearchView.paginate_by = previous
