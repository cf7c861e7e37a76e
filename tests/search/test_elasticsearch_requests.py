"""The Elasticsearch backend's request building and response parsing, without a cluster."""

from __future__ import annotations

import pytest
from haystack.query import SearchQuerySet
from oscar.apps.search.facets import base_sqs

from shop.searchengine import es_requests
from shop.searchengine.request import build_request
from tests.conftest import restore_search_connections
from tests.search.conftest import use_connection

pytestmark = pytest.mark.django_db


@pytest.fixture
def es_backend(settings):
    from haystack import connections

    previous = connections.connections_info
    info = {
        "default": {
            "ENGINE": "shop.searchengine.elasticsearch_backend.ElasticsearchEngine",
            "URL": "http://127.0.0.1:9",  # nothing listens; these tests never send a request
            "INDEX_NAME": "shop-products",
            "SILENTLY_FAIL": False,
        }
    }
    use_connection(settings, info)
    yield connections["default"].get_backend()
    restore_search_connections(settings, previous)


def body_for(backend, sqs, low: int = 0, high: int | None = None) -> tuple:
    sqs = sqs._clone()
    sqs.query.set_limits(low, high)
    request = build_request(
        backend.catalog, sqs.query.build_query(), backend.build_models_list(), **sqs.query.build_params()
    )
    return request, es_requests.search_body(request)


def test_index_body_declares_analyzers_and_explicit_mappings(es_backend):
    body = es_requests.index_body(es_backend.catalog, shards=1, replicas=0)
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["shop_en"]["filter"][-1] == "shop_english_stem"
    assert analysis["filter"]["shop_english_stem"] == {"type": "stemmer", "language": "porter2"}
    assert analysis["analyzer"]["shop_cjk"]["tokenizer"] == "whitespace"
    props = body["mappings"]["properties"]
    assert body["mappings"]["dynamic"] is False
    assert props["text"] == {"type": "text", "analyzer": "shop_en"}
    assert props["text__cjk"]["analyzer"] == "shop_cjk"
    assert props["title__prefix"]["analyzer"] == "shop_prefix"
    assert props["product_class__raw"] == {"type": "keyword"}
    assert props["title_exact__sort"] == {"type": "keyword", "normalizer": "shop_sort"}
    assert props["price"] == {"type": "double"}
    assert props["rating_exact"] == {"type": "long"}
    assert props["date_created"] == {"type": "date"}
    assert props["is_public"] == {"type": "boolean"}
    assert props["doc"] == {"type": "object", "enabled": False}
    loading = es_requests.index_body(es_backend.catalog, bulk_loading=True)["settings"]
    assert loading["refresh_interval"] == "-1" and loading["number_of_replicas"] == 0


def test_oscar_catalogue_request(es_backend):
    request, body = body_for(es_backend, base_sqs().order_by("-price"), 0, 24)
    assert body["from"] == 0 and body["size"] == 24 and body["track_total_hits"] is True
    assert body["sort"] == [{"price": {"order": "desc", "missing": "_last"}}]
    assert body["aggs"]["f0"] == {"terms": {"field": "product_class__raw", "size": 100, "order": {"_count": "desc"}}}
    assert body["aggs"]["f1"]["terms"]["field"] == "rating_exact"
    price_aggs = [agg["range"] for name, agg in body["aggs"].items() if name.startswith("q")]
    assert [r["ranges"][0].get("from") for r in price_aggs] == [0.0, 20.0, 40.0, 60.0]
    assert price_aggs[0]["ranges"][0]["to"] > 20.0  # [0 TO 20] includes 20
    filters = body["query"]["bool"]["filter"]
    assert {"terms": {"django_ct__raw": ["catalogue.product"]}} in filters
    must = body["query"]["bool"]["must"][0]["bool"]["must"]
    assert {"term": {"is_public": True}} in must


def test_user_text_becomes_per_word_clauses(es_backend):
    _request, body = body_for(es_backend, SearchQuerySet().auto_query('gel 中性笔 "blue ink" -red'))
    text = str(body["query"])
    assert "{'term': {'text__cjk': '中性笔'}}" in text
    assert "{'match_phrase': {'text': {'query': 'blue ink'}}}" in text
    assert "'must_not'" in text


def test_non_range_query_facets_become_filter_aggregations(es_backend):
    sqs = SearchQuerySet().query_facet("product_class", '"Pens"')
    request, body = body_for(es_backend, sqs)
    (name,) = [n for n in body["aggs"] if n.startswith(es_requests.COUNT_AGG_PREFIX)]
    assert "filter" in body["aggs"][name]
    counts = es_requests.count_facet_results(request, {name: {"doc_count": 4}})
    assert counts == {'product_class:"Pens"': 4}


def test_paging_stays_inside_the_result_window(es_backend):
    _request, body = body_for(es_backend, SearchQuerySet(), 9_990, 10_050)
    assert body["from"] + body["size"] == es_requests.MAX_RESULT_WINDOW
    _request, body = body_for(es_backend, SearchQuerySet(), 20_000, 20_010)
    assert body["size"] == 0


def test_alias_swap_is_one_atomic_request():
    actions = es_requests.alias_swap_actions("shop", "shop-2", ["shop-1", "shop-0"])
    assert actions == [
        {"remove": {"index": "shop-0", "alias": "shop"}},
        {"remove": {"index": "shop-1", "alias": "shop"}},
        {"add": {"index": "shop-2", "alias": "shop", "is_write_index": True}},
    ]
    assert es_requests.new_index_name("shop").startswith("shop-")


def test_bulk_actions_carry_flat_fields_and_the_source(es_backend, catalogue_for_es):
    documents = catalogue_for_es
    (action,) = list(es_requests.bulk_index_actions("shop-1", documents[:1]))
    assert action["_id"] == documents[0].id and action["_index"] == "shop-1"
    source = action["_source"]
    assert source["doc"]["django_ct"] == "catalogue.product"
    assert "中性笔" in source["text__cjk"].split()
    assert source["product_class__raw"] == "Pens"
    deletes = list(es_requests.bulk_delete_actions("shop", ["catalogue.product.1"]))
    assert deletes == [{"_op_type": "delete", "_index": "shop", "_id": "catalogue.product.1"}]


def test_response_parsing_gives_haystack_results_and_facets(es_backend, catalogue_for_es):
    gel = catalogue_for_es[0]
    request = build_request(
        es_backend.catalog,
        base_sqs().query.build_query(),
        es_backend.build_models_list(),
        **base_sqs().query.build_params(),
    )
    response = {
        "hits": {"total": {"value": 7, "relation": "eq"}, "hits": [{"_score": 1.5, "_source": {"doc": gel.source}}]},
        "aggregations": {
            "f0": {"buckets": [{"key": "Pens", "doc_count": 4}, {"key": "Paper", "doc_count": 2}]},
            "f1": {"buckets": [{"key": 5, "doc_count": 1}]},
            "q0": {"buckets": [{"key": "hit", "from": 0.0, "to": 20.000000000000004, "doc_count": 3}]},
            "q1": {"buckets": [{"key": "hit", "doc_count": 2}]},
            "q2": {"buckets": [{"key": "hit", "doc_count": 1}]},
            "q3": {"buckets": [{"key": "hit", "doc_count": 1}]},
        },
    }
    parsed = es_backend.parse_response(request, response)
    assert parsed["hits"] == 7
    (result,) = parsed["results"]
    assert result.title == "Gel Pen Blue 0.5mm 中性笔" and result.score == 1.5 and result.price == 12.0
    assert parsed["facets"]["fields"]["product_class"] == [("Pens", 4), ("Paper", 2)]
    assert parsed["facets"]["fields"]["rating_exact"] == [("5", 1)]
    assert parsed["facets"]["queries"]["price:[0 TO 20]"] == 3


def test_the_embedded_engine_runs_the_same_query_json(es_backend, catalogue_for_es):
    """The shared request description is what tantivy executes too (no second translation)."""
    import tantivy

    from shop.searchengine.tantivy_query import QueryCompiler
    from shop.searchengine.tantivy_store import tantivy_schema

    _request, body = body_for(es_backend, base_sqs().auto_query("中性笔 pens").narrow("price:([0 TO 20])"))
    catalog = es_backend.catalog
    query = QueryCompiler(tantivy_schema(catalog), catalog.subfield_kinds()).compile(body["query"])
    assert isinstance(query, tantivy.Query)


@pytest.fixture
def catalogue_for_es(db, es_backend):
    from tests.search.conftest import make_catalogue

    data = make_catalogue()
    index = es_backend.unified_index.get_index(type(data.products["gel"]))
    order = ["gel", "ballpoint", "paper"]
    return es_backend.prepare_documents(index, [data.products[k] for k in order])


def test_pinyin_subfield_is_mapped_like_the_chinese_one(es_backend):
    properties = es_requests.index_body(es_backend.catalog)["mappings"]["properties"]
    assert properties["title__pinyin"] == {"type": "text", "analyzer": "shop_cjk", "index_options": "freqs"}
    assert "text__pinyin" not in properties  # only the title is indexed as pinyin


def test_latin_words_also_look_up_pinyin_and_near_misses(es_backend):
    _request, body = body_for(es_backend, SearchQuerySet().auto_query("stapeler zxb"))
    text = str(body["query"])
    # Elasticsearch's fuzzy query is not analysed: it gets the English index form (stem) of the word
    assert "{'fuzzy': {'text': {'value': 'stapel', 'fuzziness': 2, 'boost': 0.1}}}" in text
    assert "{'fuzzy': {'text': {'value': 'stapeler', 'fuzziness': 2, 'boost': 0.1}}}" in text  # and as typed
    assert "{'term': {'title__pinyin': 'zxb'}}" in text
    assert "'fuzzy': {'text': {'value': 'zxb'" not in text  # three letters: never fuzzy
    _request, body = body_for(es_backend, SearchQuerySet().auto_query("zhong xing bi"))
    assert "{'term': {'title__pinyin': 'zhongxingbi'}}" in str(body["query"])


def test_chinese_and_code_words_get_no_pinyin_or_fuzzy_clauses(es_backend):
    _request, body = body_for(es_backend, SearchQuerySet().auto_query("中性笔 0.5mm UPC-GEL"))
    text = str(body["query"])
    assert "pinyin" not in text and "fuzzy" not in text


def test_synonyms_expand_the_query_the_same_way_for_both_engines(es_backend):
    from shop.apps.search.models import SynonymSet

    SynonymSet.objects.create(terms="中性笔\n签字笔\ngel pen")
    _request, body = body_for(es_backend, SearchQuerySet().auto_query("签字笔 blue"))
    text = str(body["query"])
    assert "{'term': {'text__cjk': '中性笔'}}" in text and "{'term': {'text__cjk': '签字笔'}}" in text
    assert "{'match_phrase': {'text': {'query': 'gel'}}}" in text and "'blue'" in text
