"""haystack's search keyword arguments -> one backend-neutral ``SearchRequest``, and back again.

``build_request`` turns what ``BaseSearchQuery.build_params`` hands a backend (narrow queries, field/date/
query facets, sorting, paging, models) into query DSL plus Elasticsearch-style aggregations; both
engines execute that and answer in Elasticsearch's aggregation response shape, which
``facets_from_aggregations`` turns into haystack's ``facet_counts()`` structure. Pure functions only.
"""

from __future__ import annotations

import calendar
import datetime
import logging
import math
from dataclasses import dataclass, field
from typing import Any

from haystack.constants import DJANGO_CT
from haystack.exceptions import SearchBackendError
from haystack.utils import get_model_ct

from shop.searchengine import lucene
from shop.searchengine.dsl import MATCH_ALL, Clause, QueryBuilder, filtered
from shop.searchengine.haystack_query import DslQuery
from shop.searchengine.schema import BOOLEAN, DATE, FLOAT, INTEGER, FieldCatalog, FieldSpec, parse_datetime

logger = logging.getLogger(__name__)

DEFAULT_FACET_SIZE = 100
MAX_FACET_SIZE = 1000
MAX_DATE_BUCKETS = 1000
HIT_KEY = "hit"


@dataclass(frozen=True)
class SortKey:
    field: str  # engine subfield
    descending: bool


@dataclass
class FacetPlan:
    kind: str  # "field", "date" or "query"
    agg_name: str
    key: str
    spec: FieldSpec | None
    starts: list[datetime.datetime] = field(default_factory=list)


@dataclass
class SearchRequest:
    query: Clause
    offset: int = 0
    limit: int | None = None
    sort: list[SortKey] = field(default_factory=list)
    aggs: dict[str, Any] = field(default_factory=dict)
    facets: list[FacetPlan] = field(default_factory=list)
    count_facets: dict[str, Clause] = field(default_factory=dict)
    wants_facets: bool = False
    fields: set[str] | None = None
    result_class: Any = None


def build_request(
    catalog: FieldCatalog,
    query_string: str,
    registered_models: list[str],
    *,
    sort_by: list[str] | None = None,
    start_offset: int = 0,
    end_offset: int | None = None,
    fields: Any = "",
    facets: dict | None = None,
    date_facets: dict | None = None,
    query_facets: list | None = None,
    narrow_queries: set | None = None,
    within: dict | None = None,
    dwithin: dict | None = None,
    distance_point: dict | None = None,
    models: set | None = None,
    limit_to_registered_models: bool | None = None,
    result_class: Any = None,
    **_ignored: Any,
) -> SearchRequest:
    if within or dwithin or distance_point:
        raise SearchBackendError("Spatial search (within/dwithin/distance) is not supported by this backend.")
    builder = QueryBuilder(catalog)
    if isinstance(query_string, DslQuery):
        main = query_string.dsl
    else:
        main = lucene.parse(query_string or "*:*", builder, default_field="content")

    filters = [lucene.parse(narrow, builder) for narrow in sorted(narrow_queries or [], key=str)]
    if limit_to_registered_models is None:
        from django.conf import settings

        limit_to_registered_models = getattr(settings, "HAYSTACK_LIMIT_TO_REGISTERED_MODELS", True)
    model_cts = sorted(get_model_ct(m) for m in models) if models else []
    if not model_cts and limit_to_registered_models:
        model_cts = sorted(registered_models)
    if model_cts:
        filters.append({"terms": {f"{DJANGO_CT}__raw": model_cts}})

    offset = max(0, int(start_offset or 0))
    limit = None if end_offset is None else max(0, int(end_offset) - offset)
    request = SearchRequest(
        query=filtered(main, filters),
        offset=offset,
        limit=limit,
        sort=sort_keys(catalog, sort_by or []),
        fields=set(fields) if fields else None,
        result_class=result_class,
    )
    add_field_facets(request, catalog, facets or {})
    add_date_facets(request, catalog, date_facets or {})
    add_query_facets(request, catalog, builder, query_facets or [])
    request.wants_facets = bool(facets or date_facets or query_facets)
    return request


def sort_keys(catalog: FieldCatalog, order_by: list[str]) -> list[SortKey]:
    keys = []
    for item in order_by:
        name = str(item).strip()
        descending = name.startswith("-")
        name = name.lstrip("-+")
        if name.endswith((" desc", " asc")):
            name, direction = name.rsplit(" ", 1)
            descending = direction == "desc"
        spec = catalog.get(name)
        target = spec.sort_field if spec else None
        if target is None:
            logger.warning("search: cannot sort on %r (not a sortable field); ignored", item)
            continue
        keys.append(SortKey(target, descending))
    return keys


def add_field_facets(request: SearchRequest, catalog: FieldCatalog, facets: dict) -> None:
    for number, (name, options) in enumerate(sorted(facets.items())):
        spec = catalog.get(name)
        agg_name = f"f{number}"
        request.facets.append(FacetPlan("field", agg_name, name, spec))
        if spec is None or spec.exact_field is None:
            logger.warning("search: cannot facet on %r; it gets no counts", name)
            continue
        options = options or {}
        size = options.get("size", options.get("limit", DEFAULT_FACET_SIZE))
        try:
            size = min(max(int(size), 1), MAX_FACET_SIZE)
        except (TypeError, ValueError):
            size = DEFAULT_FACET_SIZE
        terms: dict[str, Any] = {"field": spec.exact_field, "size": size}
        order = str(options.get("order", options.get("sort", "count"))).lower()
        terms["order"] = {"_key": "asc"} if order in ("term", "index", "key", "_key") else {"_count": "desc"}
        mincount = options.get("mincount", options.get("min_doc_count"))
        if mincount is not None:
            terms["min_doc_count"] = max(int(mincount), 0)
        request.aggs[agg_name] = {"terms": terms}


def _add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def date_buckets(start: Any, end: Any, gap_by: str, gap_amount: int = 1) -> list[datetime.datetime]:
    """Bucket starts from ``start`` to ``end`` (exclusive) plus the final boundary."""
    moment, end_at = parse_datetime(start), parse_datetime(end)
    amount = max(int(gap_amount), 1)
    boundaries = [moment]
    while moment < end_at and len(boundaries) <= MAX_DATE_BUCKETS:
        if gap_by in ("year", "month"):
            moment = _add_months(moment, amount * (12 if gap_by == "year" else 1))
        else:
            moment = moment + datetime.timedelta(**{f"{gap_by}s": amount})
        boundaries.append(min(moment, end_at))
    return boundaries


def add_date_facets(request: SearchRequest, catalog: FieldCatalog, date_facets: dict) -> None:
    for number, (name, details) in enumerate(sorted(date_facets.items())):
        spec = catalog.get(name)
        agg_name = f"d{number}"
        boundaries = date_buckets(details["start_date"], details["end_date"], details["gap_by"], details["gap_amount"])
        plan = FacetPlan("date", agg_name, name, spec, starts=boundaries[:-1])
        request.facets.append(plan)
        if spec is None or spec.kind != DATE:
            continue
        ranges = [
            {"key": f"b{i}", "from": lo.isoformat(), "to": hi.isoformat()}
            for i, (lo, hi) in enumerate(zip(boundaries, boundaries[1:]))
        ]
        request.aggs[agg_name] = {"range": {"field": spec.exact_field, "ranges": ranges}}


def add_query_facets(request: SearchRequest, catalog: FieldCatalog, builder: QueryBuilder, queries: list) -> None:
    for number, (name, query) in enumerate(queries):
        spec = catalog.get(name)
        facet_name = (spec.facet_for or spec.name) if spec else name
        key = f"{facet_name}:{query}"
        clause = lucene.parse_value(str(query), builder, name)
        bounds = numeric_range(clause, spec)
        if bounds is None:
            request.count_facets[key] = clause
            continue
        agg_name = f"q{number}"
        request.facets.append(FacetPlan("query", agg_name, key, spec))
        request.aggs[agg_name] = {"range": {"field": spec.exact_field, "ranges": [{"key": HIT_KEY, **bounds}]}}


def numeric_range(clause: Clause, spec: FieldSpec | None) -> dict | None:
    """Range-aggregation bounds (from inclusive, to exclusive) for a numeric range clause, else None."""
    if spec is None or spec.kind not in (INTEGER, FLOAT) or set(clause) != {"range"}:
        return None
    ((_field, bounds),) = clause["range"].items()
    out: dict[str, float] = {}
    if "gte" in bounds:
        out["from"] = float(bounds["gte"])
    elif "gt" in bounds:
        out["from"] = math.nextafter(float(bounds["gt"]), math.inf)
    if "lte" in bounds:
        out["to"] = math.nextafter(float(bounds["lte"]), math.inf)
    elif "lt" in bounds:
        out["to"] = float(bounds["lt"])
    return out


def facet_value(spec: FieldSpec | None, bucket: dict) -> str:
    key = bucket.get("key")
    if spec is not None and spec.kind == BOOLEAN:
        return "true" if key in (1, True, "true", 1.0) else "false"
    if spec is not None and spec.kind == DATE:
        return str(bucket.get("key_as_string", key))
    if spec is not None and spec.kind == INTEGER and isinstance(key, (int, float)):
        return str(int(key))
    if spec is not None and spec.kind == FLOAT and isinstance(key, (int, float)):
        return str(float(key))
    return str(key)


def facets_from_aggregations(request: SearchRequest, aggregations: dict, counts: dict[str, int]) -> dict:
    """haystack's facet structure from an Elasticsearch-shaped aggregation response."""
    if not request.wants_facets:
        return {}
    out: dict[str, dict] = {"fields": {}, "dates": {}, "queries": dict(counts)}
    for plan in request.facets:
        buckets = (aggregations.get(plan.agg_name) or {}).get("buckets", [])
        if isinstance(buckets, dict):  # keyed responses
            buckets = [{"key": k, **v} for k, v in buckets.items()]
        if plan.kind == "field":
            out["fields"][plan.key] = [(facet_value(plan.spec, b), int(b.get("doc_count", 0))) for b in buckets]
        elif plan.kind == "date":
            by_key = {b.get("key"): int(b.get("doc_count", 0)) for b in buckets}
            out["dates"][plan.key] = [(start, by_key.get(f"b{i}", 0)) for i, start in enumerate(plan.starts)]
        else:
            by_key = {b.get("key"): int(b.get("doc_count", 0)) for b in buckets}
            out["queries"][plan.key] = by_key.get(HIT_KEY, 0)
    return out


def count_query(request: SearchRequest, clause: Clause) -> Clause:
    """The query that counts one non-range query facet within the current results."""
    return filtered(request.query if request.query else MATCH_ALL, [clause])
