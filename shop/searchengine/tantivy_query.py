"""The query DSL subset of ``dsl.py`` compiled to tantivy ``Query`` objects, and aggregations adapted.

Values are never handed to tantivy's query-string parser: every leaf is built with the typed
constructors (term, phrase, range, …), and a leaf tantivy refuses (an unknown field after a schema
change, a regex it cannot compile) becomes an empty query rather than an exception.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

import tantivy

from shop.searchengine import analysis
from shop.searchengine.dsl import Clause
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
    parse_datetime,
)

logger = logging.getLogger(__name__)

ANALYZER_BY_SUBFIELD = {
    SUB_EN: analysis.EN,
    SUB_CJK: analysis.CJK,
    SUB_PINYIN: analysis.CJK,
    SUB_PREFIX: analysis.PREFIX,
    SUB_RAW: analysis.RAW,
    SUB_SORT: analysis.SORT,
}
FIELD_TYPE_BY_SUBFIELD = {
    SUB_I64: tantivy.FieldType.Integer,
    SUB_F64: tantivy.FieldType.Float,
    SUB_DATE: tantivy.FieldType.Date,
    SUB_BOOL: tantivy.FieldType.Boolean,
}
Occur = tantivy.Occur
Query = tantivy.Query


class QueryCompiler:
    """Compiles clauses against one open index (its tantivy schema and subfield kinds)."""

    def __init__(self, schema: tantivy.Schema, kinds: dict[str, str]):
        self.schema = schema
        self.kinds = kinds

    def compile(self, clause: Clause) -> tantivy.Query:
        ((name, body),) = clause.items()
        if name == "match_all":
            return Query.all_query()
        if name == "match_none":
            return Query.empty_query()
        if name == "bool":
            return self.boolean(body)
        leaf = getattr(self, f"leaf_{name}", None)
        if leaf is None:
            raise ValueError(f"unsupported query clause {name!r}")
        try:
            return leaf(body)
        except (ValueError, TypeError, OverflowError) as exc:
            logger.debug("search: clause %s matches nothing: %s", clause, exc)
            return Query.empty_query()

    def boolean(self, body: dict) -> tantivy.Query:
        parts: list[tuple[Any, tantivy.Query]] = []
        for clause in body.get("must", []):
            parts.append((Occur.Must, self.compile(clause)))
        for clause in body.get("filter", []):
            parts.append((Occur.Must, Query.const_score_query(self.compile(clause), 0.0)))
        should = [self.compile(clause) for clause in body.get("should", [])]
        parts.extend((Occur.Should, q) for q in should)
        negated = [self.compile(clause) for clause in body.get("must_not", [])]
        if negated and not any(occur == Occur.Must for occur, _ in parts) and not should:
            parts.append((Occur.Must, Query.all_query()))
        parts.extend((Occur.MustNot, q) for q in negated)
        if not parts:
            return Query.all_query()
        minimum = body.get("minimum_should_match")
        query = Query.boolean_query(parts, int(minimum) if minimum is not None and should else None)
        if "boost" in body:
            query = Query.boost_query(query, float(body["boost"]))
        return query

    def kind(self, field: str) -> str:
        kind = self.kinds.get(field)
        if kind is None:
            raise ValueError(f"field {field!r} is not in this index")
        return kind

    def value(self, field: str, value: Any) -> Any:
        kind = self.kind(field)
        if kind in (SUB_I64, SUB_TS):
            return int(value)
        if kind == SUB_F64:
            return float(value)
        if kind == SUB_BOOL:
            return bool(value)
        if kind == SUB_DATE:
            return parse_datetime(value)
        return str(value)

    def leaf_term(self, body: dict) -> tantivy.Query:
        ((field, value),) = body.items()
        if isinstance(value, dict):
            value = value.get("value")
        return Query.term_query(self.schema, field, self.value(field, value))

    def leaf_terms(self, body: dict) -> tantivy.Query:
        ((field, values),) = body.items()
        return Query.term_set_query(self.schema, field, [self.value(field, v) for v in values])

    def leaf_range(self, body: dict) -> tantivy.Query:
        ((field, bounds),) = body.items()
        kind = self.kind(field)
        if not bounds:
            return Query.exists_query(field)
        if kind not in FIELD_TYPE_BY_SUBFIELD:
            raise ValueError(f"range on text field {field!r} is not supported")
        lower = bounds.get("gte", bounds.get("gt"))
        upper = bounds.get("lte", bounds.get("lt"))
        return Query.range_query(
            self.schema,
            field,
            FIELD_TYPE_BY_SUBFIELD[kind],
            None if lower is None else self.value(field, lower),
            None if upper is None else self.value(field, upper),
            include_lower="gt" not in bounds,
            include_upper="lt" not in bounds,
        )

    def leaf_exists(self, body: dict) -> tantivy.Query:
        field = body["field"]
        self.kind(field)
        return Query.exists_query(field)

    def analyzed(self, field: str, text: str) -> list[str]:
        return analysis.analyze(ANALYZER_BY_SUBFIELD.get(self.kind(field), analysis.RAW), text)

    def leaf_match_phrase(self, body: dict) -> tantivy.Query:
        ((field, options),) = body.items()
        text = options["query"] if isinstance(options, dict) else options
        terms = self.analyzed(field, str(text))
        if not terms:
            return Query.empty_query()
        if len(terms) == 1:
            return Query.term_query(self.schema, field, terms[0])
        return Query.phrase_query(self.schema, field, terms)

    def leaf_regexp(self, body: dict) -> tantivy.Query:
        ((field, options),) = body.items()
        pattern = options["value"] if isinstance(options, dict) else options
        return Query.regex_query(self.schema, field, str(pattern))

    def leaf_fuzzy(self, body: dict) -> tantivy.Query:
        """Elasticsearch's ``fuzzy``: the value is a term as indexed (not analysed again); ``boost`` is the
        constant score of a match (tantivy scores fuzzy matches 1.0 whatever their distance)."""
        ((field, options),) = body.items()
        value = options["value"] if isinstance(options, dict) else options
        term = str(value).lower()
        if not term:
            return Query.empty_query()
        distance = options.get("fuzziness", 1) if isinstance(options, dict) else 1
        if distance == "AUTO":
            distance = 2 if len(term) > 5 else 1 if len(term) > 2 else 0
        query = Query.fuzzy_term_query(self.schema, field, term, distance=min(int(distance), 2))
        if isinstance(options, dict) and "boost" in options:
            query = Query.const_score_query(query, float(options["boost"]))
        return query


def adapt_aggregations(aggs: dict, kinds: dict[str, str]) -> dict:
    """Elasticsearch aggregation JSON as tantivy takes it: date range bounds in nanoseconds."""
    adapted = copy.deepcopy(aggs)
    for agg in adapted.values():
        spec = agg.get("range")
        if spec and kinds.get(spec.get("field")) == SUB_DATE:
            for bucket in spec["ranges"]:
                for bound in ("from", "to"):
                    if bound in bucket:
                        bucket[bound] = parse_datetime(bucket[bound]).timestamp() * 1e9
    return {name: agg for name, agg in adapted.items() if _field_known(agg, kinds)}


def _field_known(agg: dict, kinds: dict[str, str]) -> bool:
    ((_kind, spec),) = agg.items()
    return spec.get("field") in kinds
