"""The forked catalogue, category and search views (shop.apps.search) on the embedded engine."""

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
    assert facet(response, "category") == {"Writing": 4, "Paper": 2, "Office": 1}
    assert list(facet(response, "price_range").values()) == [1, 4, 1, 0, 0]
    assert facet(response, "in_stock") == {"In stock": 6, "Out of stock": 1}


def test_selected_facets_narrow_the_catalogue(client, catalogue):
    paper = str(catalogue.categories["paper"].pk)
    response = client.get("/en/catalogue/", {"selected_facets": [f"category:{paper}"]})
    assert product_titles(response) == {"A4复印纸 copy paper 500 sheets", "Sticky notes 便利贴 yellow"}
    selected = [i for i in response.context["facet_data"]["category"]["results"] if i["selected"]]
    assert [i["name"] for i in selected] == ["Paper"]
    # the category facet still counts the other categories (OR within a facet)
    assert facet(response, "category") == {"Writing": 4, "Paper": 2, "Office": 1}
    assert [chip["name"] for chip in response.context["facet_chips"]] == ["Paper"]

    response = client.get("/en/catalogue/", {"selected_facets": ["price_cny:[50 TO 200}", "price_cny:[10 TO 50}"]})
    assert product_titles(response) == {
        "Stapler 订书机 heavy duty",
        "Fountain pen gift set",
        "Gel Pen Blue 0.5mm 中性笔",
        "A4复印纸 copy paper 500 sheets",
        "Sticky notes 便利贴 yellow",
    }
    # different facets AND
    response = client.get(
        "/en/catalogue/", {"selected_facets": ["price_cny:[50 TO 200}", "price_cny:[10 TO 50}", f"category:{paper}"]}
    )
    assert product_titles(response) == {"A4复印纸 copy paper 500 sheets", "Sticky notes 便利贴 yellow"}


def test_unknown_facet_values_give_an_empty_page(client, catalogue):
    values = ["brand:Nope", "paper_weight:abc", "nofield:1", "price_cny:[1 TO 2]", 'brand:" OR *:*', "x" * 5000, ":"]
    for value in values:
        response = client.get("/en/catalogue/", {"selected_facets": [value]})
        assert response.status_code == 200, value
    response = client.get("/en/catalogue/", {"selected_facets": ["brand:Nope"]})
    assert response.context["paginator"].count == 0
    # an unknown range or field is ignored, not applied
    assert client.get("/en/catalogue/", {"selected_facets": ["price_cny:[1 TO 2]"]}).context["paginator"].count == 7


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
    assert list(facet(response, "price_range").values()) == [1, 1, 1, 0, 0]
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


@pytest.mark.parametrize("sort_by", ["relevancy", "bestselling", "newest", "price-desc", "price-asc", "bogus"])
def test_sorting_from_the_form(client, catalogue, sort_by):
    response = client.get("/en/catalogue/", {"sort_by": sort_by})
    assert response.status_code == 200
    assert response.context["paginator"].count == 7


def test_sort_by_price_on_the_search_page(client, catalogue):
    response = client.get("/en/search/", {"q": "pen", "sort_by": "price-desc"})
    titles = [r.object.title for r in response.context["results"]]
    assert titles == ["Fountain pen gift set", "Gel Pen Blue 0.5mm 中性笔", "Ballpoint pen black 圆珠笔"]


def test_pagination(client, catalogue, settings):
    from shop.apps.search.views.base import BaseSearchView

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
