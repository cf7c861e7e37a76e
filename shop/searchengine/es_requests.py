"""Elasticsearch request bodies and response parsing: pure functions, testable without a cluster.

The query and aggregations come from ``request.py`` (the same description the embedded engine runs);
this module adds what is Elasticsearch-specific: index settings and explicit mappings, the search body,
bulk actions, alias swaps, and reading hits back.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from shop.searchengine import analysis
from shop.searchengine.dsl import Clause
from shop.searchengine.request import SearchRequest
from shop.searchengine.schema import (
    SUB_BOOL,
    SUB_CJK,
    SUB_DATE,
    SUB_EN,
    SUB_F64,
    SUB_I64,
    SUB_PINYIN,
    SUB_PREFIX,
    SUB_RAW,
    SUB_SORT,
    SUB_TS,
    FieldCatalog,
    IndexDocument,
)

SOURCE_KEY = "doc"  # the prepared haystack document, stored but not indexed
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
COUNT_AGG_PREFIX = "count_"

_MAPPING_BY_SUBFIELD = {
    SUB_EN: {"type": "text", "analyzer": analysis.EN},
    SUB_CJK: {"type": "text", "analyzer": analysis.CJK, "index_options": "freqs"},
    SUB_PINYIN: {"type": "text", "analyzer": analysis.CJK, "index_options": "freqs"},
    SUB_PREFIX: {"type": "text", "analyzer": analysis.PREFIX, "index_options": "docs"},
    SUB_RAW: {"type": "keyword"},
    SUB_SORT: {"type": "keyword", "normalizer": analysis.SORT},
    SUB_I64: {"type": "long"},
    SUB_F64: {"type": "double"},
    SUB_BOOL: {"type": "boolean"},
    SUB_DATE: {"type": "date"},
    SUB_TS: {"type": "long", "index": False},
}


def index_mappings(catalog: FieldCatalog) -> dict:
    properties = {sub.name: dict(_MAPPING_BY_SUBFIELD[sub.kind]) for sub in catalog.subfields}
    properties[SOURCE_KEY] = {"type": "object", "enabled": False}
    return {"dynamic": False, "properties": properties, "_meta": {"fingerprint": catalog.fingerprint()}}


def index_settings(shards: int = 1, replicas: int = 1, bulk_loading: bool = False) -> dict:
    settings: dict = {
        "number_of_shards": shards,
        "number_of_replicas": 0 if bulk_loading else replicas,
        "analysis": analysis.ELASTICSEARCH_ANALYSIS,
    }
    if bulk_loading:
        settings["refresh_interval"] = "-1"
    return settings


def index_body(catalog: FieldCatalog, shards: int = 1, replicas: int = 1, bulk_loading: bool = False) -> dict:
    """Body for ``indices.create``: analysis settings plus explicit mappings of every subfield."""
    return {"settings": index_settings(shards, replicas, bulk_loading), "mappings": index_mappings(catalog)}


def new_index_name(alias: str, now: datetime.datetime | None = None) -> str:
    now = now or datetime.datetime.now(datetime.UTC)
    return f"{alias}-{now:%Y%m%d%H%M%S%f}"


def alias_swap_actions(alias: str, new_index: str, old_indices: Iterable[str]) -> list[dict]:
    """One atomic ``update_aliases`` request: the alias leaves the old indices and points at the new."""
    actions: list[dict] = [
        {"remove": {"index": old, "alias": alias}} for old in sorted(old_indices) if old != new_index
    ]
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    return actions


def es_document(doc: IndexDocument) -> dict:
    body: dict = {name: values[0] if len(values) == 1 else values for name, values in doc.fields.items()}
    body[SOURCE_KEY] = doc.source
    return body


def bulk_index_actions(index: str, documents: Iterable[IndexDocument]) -> Iterable[dict]:
    for doc in documents:
        yield {"_op_type": "index", "_index": index, "_id": doc.id, "_source": es_document(doc)}


def bulk_delete_actions(index: str, ids: Iterable[str]) -> Iterable[dict]:
    for doc_id in ids:
        yield {"_op_type": "delete", "_index": index, "_id": str(doc_id)}


def search_body(request: SearchRequest) -> dict:
    """The ``_search`` body for a request; paging stays inside Elasticsearch's result window."""
    offset = min(request.offset, MAX_RESULT_WINDOW)
    size = MAX_RESULT_WINDOW - offset if request.limit is None else request.limit
    size = max(min(size, MAX_RESULT_WINDOW - offset), 0)
    body: dict = {
        "query": request.query,
        "from": offset,
        "size": size,
        "track_total_hits": True,
        "_source": [SOURCE_KEY],
    }
    if request.sort:
        body["sort"] = [
            {key.field: {"order": "desc" if key.descending else "asc", "missing": "_last"}} for key in request.sort
        ]
    aggs = dict(request.aggs)
    for number, clause in enumerate(request.count_facets.values()):
        aggs[f"{COUNT_AGG_PREFIX}{number}"] = {"filter": clause}
    if aggs:
        body["aggs"] = aggs
    return body


def count_facet_results(request: SearchRequest, aggregations: dict) -> dict[str, int]:
    """Counts of the non-range query facets, answered as ``filter`` aggregations."""
    return {
        key: int((aggregations.get(f"{COUNT_AGG_PREFIX}{number}") or {}).get("doc_count", 0))
        for number, key in enumerate(request.count_facets)
    }


def parse_hits(response: dict) -> tuple[int, list[tuple[dict, float]]]:
    hits = response.get("hits", {})
    total = hits.get("total", 0)
    total = total.get("value", 0) if isinstance(total, dict) else int(total)
    return total, [
        (hit.get("_source", {}).get(SOURCE_KEY, {}), float(hit.get("_score") or 0.0)) for hit in hits.get("hits", [])
    ]


def more_like_this_query(alias: str, doc_id: str, field: str, extra: Clause | None) -> Clause:
    mlt = {"more_like_this": {"fields": [field], "like": [{"_index": alias, "_id": doc_id}], "min_term_freq": 1}}
    return {"bool": {"must": [mlt], "filter": [extra]}} if extra else mlt


def versions_query(model_ct: str) -> Clause:
    return {"term": {"django_ct__raw": model_ct}}
