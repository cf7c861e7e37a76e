"""Oscar's unmodified catalogue, category and search views on the embedded engine."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def facet(response, key: str) -> dict[str, int]:
    return {str(item["name"]): item["count"] for item in response.context["facet_data"][key]["results"]}


def product_titles(response, name: str = "products") -> set[str]:
    return {result.object.title for result in response.context[name]}


def test_catalogue_lists_products_with_facets(client, catalogue):
    response = client.get("/en/catalogue/")
    assert response.status_code == 200
    assert response.context["paginator"].count == 7
    assert "Gel Pen Blue 0.5mm 中性笔" in response.content.decode()
    assert "Secret prototype pen" not in response.content.decode()
    assert facet(response, "product_class") == {"Pens": 4, "Paper": 2, "Office": 1}
    assert facet(response, "price_range") == {"0 to 20": 3, "20 to 40": 2, "40 to 60": 1, "60+": 1}


def test_selected_facets_narrow_the_catalogue(client, catalogue):
    response = client.get("/en/catalogue/", {"selected_facets": ["product_class:Paper"]})
    assert product_titles(response) == {"A4复印纸 copy paper 500 sheets", "Sticky notes 便利贴 yellow"}
    selected = [i for i in response.context["facet_data"]["product_class"]["results"] if i["selected"]]
    assert [i["name"] for i in selected] == ["Paper"]

    response = client.get("/en/catalogue/", {"selected_facets": ["price:[40 TO 60]", "price:[60 TO *]"]})
    assert product_titles(response) == {"Stapler 订书机 heavy duty", "Fountain pen gift set"}


def test_unknown_facet_values_give_an_empty_page(client, catalogue):
    for value in ["product_class:Nope", "rating:abc", "nofield:1", "price:[1 TO 2]", 'product_class:" OR *:*']:
        response = client.get("/en/catalogue/", {"selected_facets": [value]})
        assert response.status_code == 200, value
    response = client.get("/en/catalogue/", {"selected_facets": ["product_class:Nope"]})
    assert response.context["paginator"].count == 0


def test_category_page_shows_its_products_and_its_descendants(client, catalogue):
    pens = catalogue.categories["pens"]
    response = client.get(pens.get_absolute_url())
    assert response.status_code == 200
    assert product_titles(response) == {
        "Gel Pen Blue 0.5mm 中性笔",
        "Ballpoint pen black 圆珠笔",
        "Fountain pen gift set",
        "HB Pencil 铅笔 box of 12",
    }
    assert facet(response, "price_range") == {"0 to 20": 2, "20 to 40": 0, "40 to 60": 0, "60+": 1}
    writing = client.get(pens.get_parent().get_absolute_url())
    assert writing.context["paginator"].count == 4


def test_search_page(client, catalogue):
    response = client.get("/en/search/", {"q": "pens"})
    assert response.status_code == 200
    assert product_titles(response, "results") == {
        "Gel Pen Blue 0.5mm 中性笔",
        "Ballpoint pen black 圆珠笔",
        "Fountain pen gift set",
    }
    response = client.get("/en/search/", {"q": "中性笔"})
    assert product_titles(response, "results") == {"Gel Pen Blue 0.5mm 中性笔"}


@pytest.mark.parametrize("sort_by", ["relevancy", "rating", "newest", "price-desc", "price-asc", "title-asc", "bogus"])
def test_sorting_from_the_form(client, catalogue, sort_by):
    response = client.get("/en/catalogue/", {"sort_by": sort_by})
    assert response.status_code == 200
    assert response.context["paginator"].count == 7


def test_sort_by_price_on_the_search_page(client, catalogue):
    response = client.get("/en/search/", {"q": "pen", "sort_by": "price-desc"})
    titles = [r.object.title for r in response.context["results"]]
    assert titles == ["Fountain pen gift set", "Gel Pen Blue 0.5mm 中性笔", "Ballpoint pen black 圆珠笔"]


def test_pagination(client, catalogue, settings):
    from oscar.apps.search.views.base import BaseSearchView

    previous = BaseSearchView.paginate_by
    BaseSearchView.paginate_by = 3
    try:
        pages = [client.get("/en/catalogue/", {"page": n, "sort_by": "price-asc"}) for n in (1, 2, 3)]
        seen = [r.object.title for page in pages for r in page.context["products"]]
        assert len(seen) == 7 and len(set(seen)) == 7
        assert client.get("/en/catalogue/", {"page": 9}).status_code == 302  # Oscar redirects to page one
    finally:
        BaseSearchView.paginate_by = previous


@pytest.mark.parametrize(
    "q",
    ['"', "AND (", "x" * 10_000, "🖊️✨ 中性笔 🖊️", "*:*", "title:[a TO", "1' OR '1'='1", "\\", "((((((((((", "NOT"],
)
def test_bad_queries_give_200(client, catalogue, q):
    assert client.get("/en/search/", {"q": q}).status_code == 200
    assert client.get("/en/catalogue/", {"q": q}).status_code == 200


def test_catalogue_query_count_is_bounded(client, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(60):
        assert client.get("/en/catalogue/").status_code == 200
