"""Query building without an index: Lucene strings, user text and the tantivy compiler never raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shop.searchengine import analysis, lucene
from shop.searchengine.dsl import MATCH_ALL, MATCH_NONE, QueryBuilder


@pytest.fixture(scope="module")
def builder():
    from haystack import connections

    from shop.searchengine.schema import FieldCatalog

    return QueryBuilder(FieldCatalog.from_unified_index(connections["default"].get_unified_index()))


@pytest.fixture(scope="module")
def compiler(builder):
    from shop.searchengine.tantivy_query import QueryCompiler
    from shop.searchengine.tantivy_store import tantivy_schema

    return QueryCompiler(tantivy_schema(builder.catalog), builder.catalog.subfield_kinds())


def test_oscar_narrow_strings(builder):
    assert lucene.parse("price:([0 TO 20] OR [60 TO *])", builder) == {
        "bool": {
            "should": [{"range": {"price": {"gte": 0.0, "lte": 20.0}}}, {"range": {"price": {"gte": 60.0}}}],
            "minimum_should_match": 1,
        }
    }
    assert lucene.parse('product_class:("Pens")', builder) == {
        "bool": {
            "should": [
                {"term": {"product_class__raw": "Pens"}},
                {"match_phrase": {"product_class": {"query": "Pens"}}},
            ],
            "minimum_should_match": 1,
        }
    }
    assert lucene.parse('rating_exact:"5"', builder) == {"term": {"rating_exact": 5}}
    assert lucene.parse('rating:("abc")', builder) == MATCH_NONE
    assert lucene.parse("nofield:x", builder) == MATCH_NONE
    assert lucene.parse("*:*", builder) == MATCH_ALL
    assert lucene.parse("price:{10 TO 20}", builder) == {"range": {"price": {"gt": 10.0, "lt": 20.0}}}


def test_escaped_values_round_trip(builder):
    value = 'Pens "deluxe" \\ (A4)'
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    clause = lucene.parse(f'product_class:"{escaped}"', builder)
    assert {"term": {"product_class__raw": value}} in clause["bool"]["should"]


def test_malformed_strings_fall_back_to_words(builder):
    assert lucene.parse("gel AND (", builder) == builder.text("content", "gel AND (")
    assert lucene.parse("price:[10 TO", builder) == builder.text("content", "price:[10 TO")


def test_query_planning():
    words = analysis.plan_query("Gel pens 中性笔 A4复印纸 0.5mm")
    assert [(w.text, w.cjk) for w in words] == [
        ("Gel", False),
        ("pens", False),
        ("中性笔", True),
        ("A4", False),
        ("复印纸", True),
        ("0.5mm", False),
    ]
    assert len(analysis.plan_query("pen " * 1000)) == 1
    assert len(analysis.plan_query(" ".join(f"w{i}" for i in range(1000)))) == analysis.MAX_QUERY_WORDS


def test_chinese_index_form():
    tokens = analysis.segment_for_index("黑色中性笔芯 A4复印纸").split()
    assert {"中性笔", "中性", "笔芯", "复印纸", "笔"} <= set(tokens)
    assert "a4" not in tokens  # Latin words belong to the English form


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_builds_and_compiles(builder, compiler, text):
    for clause in (
        lucene.parse(text, builder),
        lucene.parse_value(text, builder, "price_exact"),
        builder.auto_query("content", text),
        builder.exact("product_class", text),
        builder.pattern("title", text, "contains"),
        builder.fuzzy("title", text),
    ):
        compiler.compile(clause)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet='ab:"()[]{}*\\-+!^~ TOANDRNOT', max_size=60))
def test_lucene_syntax_soup_never_raises(builder, compiler, text):
    compiler.compile(lucene.parse(text, builder))
