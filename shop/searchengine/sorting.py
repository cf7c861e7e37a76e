"""Sorting by several fields in the embedded engine.

tantivy orders by one fast field. For ``order_by("a", "-b")`` the first ``MAX_SORT_WINDOW`` hits in ``a``
order are read and sorted by all keys in Python — the same window Elasticsearch allows for from+size by
default (``index.max_result_window``). Missing values sort last in either direction, as in tantivy.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import tantivy

from shop.searchengine.schema import SOURCE_FIELD, SUB_SORT, FieldCatalog, parse_datetime

MAX_SORT_WINDOW = 10_000


def _key_value(catalog: FieldCatalog, field: str, source: dict) -> Any:
    kinds = catalog.subfield_kinds()
    spec_name = next((sub.spec_name for sub in catalog.subfields if sub.name == field), field)
    value = source.get(spec_name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    if kinds.get(field) == SUB_SORT:
        return str(value).lower()
    spec = catalog.fields.get(spec_name)
    if spec is not None and spec.kind == "date":
        return parse_datetime(value)
    return value


def _compare(keys, left: tuple, right: tuple) -> int:
    for key, a, b in zip(keys, left[0], right[0]):
        if a == b:
            continue
        if a is None:
            return 1
        if b is None:
            return -1
        try:
            smaller = a < b
        except TypeError:
            smaller = str(a) < str(b)
        result = -1 if smaller else 1
        return -result if key.descending else result
    return 0


def python_sort_window(searcher: tantivy.Searcher, query: tantivy.Query, request, catalog: FieldCatalog):
    """(total, [(address, 0.0)]) for the requested page, sorted by every key in ``request.sort``."""
    primary = request.sort[0]
    total = searcher.search(query, 1, count=True).count
    window = min(total, MAX_SORT_WINDOW)
    if window == 0:
        return total, []
    order = tantivy.Order.Desc if primary.descending else tantivy.Order.Asc
    found = searcher.search(query, window, order_by_field=primary.field, order=order)
    rows = []
    for _value, address in found.hits:
        source = json.loads(searcher.doc(address)[SOURCE_FIELD][0])
        rows.append((tuple(_key_value(catalog, key.field, source) for key in request.sort), address))
    rows.sort(key=functools.cmp_to_key(functools.partial(_compare, request.sort)))
    end = None if request.limit is None else request.offset + request.limit
    return total, [(address, 0.0) for _key, address in rows[request.offset : end]]
