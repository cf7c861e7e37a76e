"""haystack's ``SearchQuery`` for both project backends: the SQ tree becomes query DSL directly.

haystack's base class renders the query tree to a backend-syntax *string*. Here ``build_query`` returns a
``DslQuery``: a ``str`` (the JSON, for haystack's query log and ``str(sqs.query)``) carrying the clause
itself in ``.dsl``, so user text is never re-parsed. ``build_query_fragment`` still renders Lucene syntax,
which haystack needs for ``narrow(SQ(...))``; ``lucene.py`` reads it back.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.utils import tree
from haystack.backends import SQ, BaseSearchQuery, SearchNode
from haystack.inputs import AltParser, AutoQuery, BaseInput, Exact, Not, Raw

from shop.searchengine import lucene
from shop.searchengine.dsl import MATCH_ALL, Clause, QueryBuilder, all_of, any_of, none_of

RESERVED_WORDS = ("AND", "NOT", "OR", "TO")
RESERVED_CHARACTERS = ("\\", "+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", '"', "~", "*", "?", ":", "/")


class DslQuery(str):
    """A query DSL clause that is also its JSON text."""

    dsl: Clause

    def __new__(cls, dsl: Clause) -> DslQuery:
        obj = super().__new__(cls, json.dumps(dsl, ensure_ascii=False, sort_keys=True, default=str))
        obj.dsl = dsl
        return obj


class Pinned(Exact):
    """An exact value whose match outranks any text match (an exact SKU typed into the search box)."""

    input_type_name = "pinned"
    boost = 1000.0


class ShopSearchQuery(BaseSearchQuery):
    def matching_all_fragment(self) -> str:
        return "*:*"

    def builder(self) -> QueryBuilder:
        return QueryBuilder(self.backend.catalog)

    def build_query(self) -> DslQuery:
        builder = self.builder()
        clause = self.node_clause(self.query_filter, builder)
        if self.boost:
            boosts = [
                {"bool": {"should": [builder.text("content", term)], "boost": float(value)}}
                for term, value in self.boost.items()
            ]
            clause = {"bool": {"must": [clause], "should": boosts}}
        return DslQuery(clause)

    def node_clause(self, node: SearchNode, builder: QueryBuilder) -> Clause:
        parts: list[Clause] = []
        for child in node.children:
            if isinstance(child, tree.Node):
                parts.append(self.node_clause(child, builder))
            else:
                expression, value = child
                field, filter_type = node.split_expression(expression)
                parts.append(self.lookup_clause(builder, self.index_fieldname(field), filter_type, value))
        if not parts:
            combined = MATCH_ALL
        else:
            combined = any_of(parts) if node.connector == SQ.OR else all_of(parts)
        return none_of(combined) if node.negated else combined

    def index_fieldname(self, field: str) -> str:
        if field == "content":
            return field
        from haystack import connections

        return connections[self._using].get_unified_index().get_index_fieldname(field)

    def lookup_clause(self, builder: QueryBuilder, field: str, filter_type: str, value: Any) -> Clause:
        """One haystack lookup (``field__filter_type=value``) as a clause."""
        if hasattr(value, "values_list"):
            value = list(value)
        if isinstance(value, AutoQuery):
            return builder.auto_query(field, value.query_string)
        if isinstance(value, AltParser):
            return lucene.parse(value.query_string, builder, default_field=field)
        if isinstance(value, Raw):
            return lucene.parse(value.query_string, builder, default_field=field)
        if isinstance(value, Not):
            return none_of(builder.text(field, value.query_string))
        if isinstance(value, Pinned):
            return {"bool": {"should": [builder.exact(field, value.query_string)], "boost": value.boost}}
        if isinstance(value, Exact):
            return builder.exact(field, value.query_string)
        if isinstance(value, BaseInput):
            value = value.query_string

        if filter_type == "content":
            return builder.text(field, value) if isinstance(value, str) else builder.exact(field, value)
        if filter_type == "exact":
            return builder.exact(field, value)
        if filter_type == "in":
            values = [value] if isinstance(value, (str, bytes)) else list(value or [])
            return builder.terms(field, values)
        if filter_type == "range":
            lower, upper = list(value)[:2]
            return builder.range(field, lower, upper)
        if filter_type in ("gt", "gte", "lt", "lte"):
            inclusive = filter_type.endswith("e")
            if filter_type.startswith("g"):
                return builder.range(field, lower=value, include_lower=inclusive)
            return builder.range(field, upper=value, include_upper=inclusive)
        if filter_type in ("contains", "startswith", "endswith"):
            return builder.pattern(field, value, filter_type)
        if filter_type == "fuzzy":
            return builder.fuzzy(field, value)
        return builder.text(field, value)

    # --- Lucene rendering (narrow(SQ), repr) -------------------------------------------------------

    def build_query_fragment(self, field: str, filter_type: str, value: Any) -> str:
        prefix = "" if field == "content" else f"{self.index_fieldname(field)}:"
        if hasattr(value, "values_list"):
            value = list(value)
        if isinstance(value, (Raw, AltParser)):
            return f"{prefix}({value.query_string})"
        if isinstance(value, AutoQuery):
            return f"{prefix}({self.clean(value.query_string)})"
        if isinstance(value, Not):
            return f"NOT {prefix}({self.clean(value.query_string)})"
        if isinstance(value, Exact):
            return f"{prefix}{self.quote(value.query_string)}"
        if isinstance(value, BaseInput):
            value = value.query_string

        if filter_type == "in":
            values = [value] if isinstance(value, (str, bytes)) else list(value or [])
            if not values:
                return f"NOT {prefix}*"
            return f"{prefix}({' OR '.join(self.quote(v) for v in values)})"
        if filter_type == "range":
            lower, upper = list(value)[:2]
            return f"{prefix}[{self.quote(lower)} TO {self.quote(upper)}]"
        ranges = {
            "gt": "{{{} TO *}}",
            "gte": "[{} TO *]",
            "lt": "{{* TO {}}}",
            "lte": "[* TO {}]",
        }
        if filter_type in ranges:
            return prefix + ranges[filter_type].format(self.quote(value))
        if filter_type == "exact" or not isinstance(value, str):
            return f"{prefix}{self.quote(value)}"
        if filter_type == "fuzzy":
            return f"{prefix}({' AND '.join(f'{w}~' for w in self.clean(value).split())})"
        return f"{prefix}({self.clean(value)})" if value.strip() else f'{prefix}""'

    def quote(self, value: Any) -> str:
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        text = str(value).replace("\\", "\\\\").replace('"', '\\"')
        return f'"{text}"'
