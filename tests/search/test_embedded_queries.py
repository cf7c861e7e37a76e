"""The embedded engine through haystack's SearchQuerySet, on real Oscar products."""

from __future__ import annotations

import pytest
from haystack.query import SearchQuerySet
from oscar.apps.search.facets import base_sqs

pytestmark = pytest.mark.django_db


def titles(sqs) -> set[str]:
    return {r.title for r in sqs}


def test_all_public_products_are_browsable(catalogue):
    sqs = base_sqs()
    assert sqs.count() == 7
    assert "Secret prototype pen" not in titles(sqs)


def test_english_stemming_and_case(catalogue):
    assert titles(base_sqs().auto_query("PENS")) == {
        "Gel Pen Blue 0.5mm 中性笔",
        "Ballpoint pen black 圆珠笔",
        "Fountain pen gift set",
    }
    assert titles(base_sqs().auto_query("a4")) == {"A4复印纸 copy paper 500 sheets"}


def test_chinese_words_are_segmented(catalogue):
    assert titles(base_sqs().auto_query("中性笔")) == {"Gel Pen Blue 0.5mm 中性笔"}
    assert titles(base_sqs().auto_query("复印纸")) == {"A4复印纸 copy paper 500 sheets"}
    assert titles(base_sqs().auto_query("笔")) == {
        "Gel Pen Blue 0.5mm 中性笔",
        "Ballpoint pen black 圆珠笔",
        "HB Pencil 铅笔 box of 12",
    }


def test_auto_query_phrases_and_exclusions(catalogue):
    assert titles(base_sqs().auto_query('"gift set"')) == {"Fountain pen gift set"}
    assert titles(base_sqs().auto_query("pen -gift -black")) == {"Gel Pen Blue 0.5mm 中性笔"}


def test_field_facets_and_price_range_query_facets(catalogue):
    counts = base_sqs().facet_counts()
    assert dict(counts["fields"]["product_class"]) == {"Pens": 4, "Paper": 2, "Office": 1}
    assert counts["queries"] == {
        "price:[0 TO 20]": 3,  # 3.50, 12.00 and 20.00 (inclusive)
        "price:[20 TO 40]": 2,  # 20.00 and 25.00
        "price:[40 TO 60]": 1,
        "price:[60 TO *]": 1,
    }


def test_facets_follow_the_query(catalogue):
    counts = base_sqs().auto_query("pen").facet_counts()
    assert dict(counts["fields"]["product_class"]) == {"Pens": 3}
    assert counts["queries"]["price:[60 TO *]"] == 1
    assert counts["queries"]["price:[20 TO 40]"] == 0


def test_narrow_like_oscar_selected_facets(catalogue):
    assert base_sqs().narrow('product_class:("Paper")').count() == 2
    assert base_sqs().narrow("price:([0 TO 20] OR [60 TO *])").count() == 4
    assert base_sqs().narrow('product_class:("Nope")').count() == 0
    assert base_sqs().narrow('rating:("abc")').count() == 0


def test_category_filter(catalogue):
    pens = catalogue.categories["pens"]
    ids = list(pens.get_descendants_and_self().values_list("pk", flat=True))
    assert base_sqs().filter(category__in=ids).count() == 4
    writing = pens.get_parent()
    ids = list(writing.get_descendants_and_self().values_list("pk", flat=True))
    assert base_sqs().filter(category__in=ids).count() == 4


@pytest.mark.parametrize(
    ("order", "first", "last"),
    [
        ("price", "Ballpoint pen black 圆珠笔", "HB Pencil 铅笔 box of 12"),
        ("-price", "Fountain pen gift set", "HB Pencil 铅笔 box of 12"),
        ("title_exact", "A4复印纸 copy paper 500 sheets", "Sticky notes 便利贴 yellow"),
        ("-title_exact", "Sticky notes 便利贴 yellow", "A4复印纸 copy paper 500 sheets"),
        ("-num_in_stock", "A4复印纸 copy paper 500 sheets", "HB Pencil 铅笔 box of 12"),
    ],
)
def test_ordering(catalogue, order, first, last):
    results = [r.title for r in base_sqs().order_by(order)]
    assert len(results) == 7
    assert (results[0], results[-1]) == (first, last)


def test_newest_first(catalogue):
    results = list(base_sqs().order_by("-date_created"))
    dates = [r.date_created for r in results]
    assert dates == sorted(dates, reverse=True)


def test_ordering_by_two_fields(catalogue):
    results = [(r.product_class, r.title) for r in base_sqs().order_by("product_class", "-title_exact")]
    assert results[:2] == [("Office", "Stapler 订书机 heavy duty"), ("Paper", "Sticky notes 便利贴 yellow")]


def test_slicing_and_pagination(catalogue):
    ordered = [r.title for r in base_sqs().order_by("price")]
    assert [r.title for r in base_sqs().order_by("price")[2:5]] == ordered[2:5]
    assert base_sqs().order_by("price")[6].title == ordered[6]


def test_results_load_model_objects(catalogue):
    results = list(base_sqs().auto_query("stapler").load_all())
    assert [r.object for r in results] == [catalogue.products["stapler"]]
    assert results[0].price == 45.0
    assert results[0].model_name == "product"


def test_models_and_result_class(catalogue):
    from haystack.models import SearchResult
    from oscar.core.loading import get_model

    class Marked(SearchResult):
        marked = True

    sqs = SearchQuerySet().models(get_model("catalogue", "Product")).result_class(Marked)
    assert all(r.marked for r in sqs)
    assert sqs.count() == 7  # Oscar indexes browsable products only
    assert SearchQuerySet().models(get_model("catalogue", "Category")).count() == 0


def test_values_list_like_update_index_remove(catalogue):
    pairs = SearchQuerySet().values_list("pk", "id")
    expected = {str(p.pk) for key, p in catalogue.products.items() if key != "secret"}
    assert {pk for pk, _id in pairs} == expected
    assert {doc_id for _pk, doc_id in pairs} == {f"catalogue.product.{pk}" for pk in expected}


@pytest.mark.parametrize(
    "query",
    [
        "",
        '"',
        "AND (",
        "((((((((((((((((((((((((((((((((((((x",
        "price:[10 TO",
        "x" * 10_000,
        "🖊️✨",
        "*:*",
        "title:\\",
        "'; DROP TABLE catalogue_product; --",
        "NOT",
        "-",
        "a OR",
        "[* TO *]",
        "\x00\x01",
    ],
)
def test_bad_queries_never_raise(catalogue, query):
    sqs = base_sqs().auto_query(query)
    assert sqs.count() >= 0
    list(sqs[:5])
    assert base_sqs().raw_search(query).count() >= 0
    assert base_sqs().narrow(query).count() >= 0


def test_both_languages_of_a_translated_product_are_searchable(catalogue, backend):
    from haystack import connections
    from oscar.test.factories import create_product

    product = create_product(title="Highlighter set", price=None)
    product.title_zh_hans = "荧光笔套装"
    product.description_en = "Six colours"
    product.description_zh_hans = "六色"
    product.save()
    backend.update(connections["default"].get_unified_index().get_index(type(product)), [product])
    for query in ("highlighter", "荧光笔", "套装", "colours", "六色"):
        assert [r.pk for r in base_sqs().auto_query(query)] == [str(product.pk)], query


def test_html_in_descriptions_is_not_indexed_as_words(catalogue, backend):
    from haystack import connections
    from oscar.test.factories import create_product

    product = create_product(title="Ruler", price=None, description="<p>Clear &amp; <b>strong</b> M&amp;G ruler</p>")
    backend.update(connections["default"].get_unified_index().get_index(type(product)), [product])
    assert base_sqs().auto_query("strong").count() == 1
    assert base_sqs().auto_query("lt").count() == 0
    assert base_sqs().auto_query("amp").count() == 0
