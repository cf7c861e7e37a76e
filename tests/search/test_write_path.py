"""The indexing write path: ``schema.flatten`` fast paths and ``tantivy_document``'s two builders agree."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import tantivy

from shop.searchengine.schema import (
    BOOLEAN,
    DATE,
    FLOAT,
    INTEGER,
    KEYWORD,
    TEXT,
    FieldCatalog,
    FieldSpec,
    flatten,
)
from shop.searchengine.tantivy_store import tantivy_document, tantivy_schema

SPECS = {
    "id": FieldSpec("id", KEYWORD),
    "text": FieldSpec("text", TEXT, document=True),
    "title": FieldSpec("title", TEXT, prefix=True, pinyin=True),
    "colour": FieldSpec("colour", KEYWORD, multivalued=True),
    "pack_size": FieldSpec("pack_size", INTEGER),
    "price": FieldSpec("price", FLOAT),
    "in_stock": FieldSpec("in_stock", BOOLEAN),
    "date_created": FieldSpec("date_created", DATE),
}


def _catalog() -> FieldCatalog:
    return FieldCatalog.build(dict(SPECS), "text")


def test_plain_and_unusual_values_flatten_like_the_generic_coercion():
    shanghai = ZoneInfo("Asia/Shanghai")
    prepared = {
        "id": "catalogue.product.1",
        "text": "Gel pen &amp; <b>refill</b>\n蓝色中性笔",
        "title": "M&G 中性笔 0.5 mm",
        "colour": ["Blue", None, "Black"],
        "pack_size": [True, 12, "24", 2**70, "x"],  # bool, int, numeric text, out of range, not a number
        "price": [Decimal("26.50"), float("inf"), 3],
        "in_stock": "yes",
        "date_created": [
            datetime.datetime(2026, 11, 25, 21, 1, 4, 354149, tzinfo=shanghai),
            "2026-11-25T13:01:04Z",
            datetime.date(2026, 11, 24),
            "not a date",
        ],
        "unknown": "kept in the source only",
    }
    doc = flatten(_catalog(), prepared)

    assert doc.id == "catalogue.product.1"
    assert doc.fields["pack_size"] == [1, 12, 24]
    assert doc.fields["price"] == [26.5, 3.0]
    assert doc.fields["in_stock"] == [True]
    assert doc.fields["date_created"] == [
        "2026-11-25T13:01:04.354149+00:00",
        "2026-11-25T13:01:04+00:00",
        "2026-11-24T00:00:00+00:00",
    ]
    assert doc.fields["date_created__ts"] == [1795611664354149, 1795611664000000, 1795478400000000]
    assert doc.fields["colour__raw"] == ["Blue", "Black"]
    assert "colour__sort" not in doc.fields  # multivalued: no sort form
    assert doc.fields["text"] == ["Gel pen &  refill \n蓝色中性笔"]
    assert "中性笔" in doc.fields["text__cjk"][0].split()
    assert "zhongxingbi" in doc.fields["title__pinyin"][0].split()
    assert "mm" in doc.fields["title__prefix"][0].split()
    assert "unknown" not in doc.fields and doc.source["unknown"] == "kept in the source only"
    assert doc.source["price"] == ["26.50", float("inf"), 3]
    assert doc.source["date_created"][0] == "2026-11-25T21:01:04.354149+08:00"
    # short texts come from a cache the second time: same result
    assert flatten(_catalog(), prepared).fields == doc.fields


def test_one_call_and_field_by_field_tantivy_documents_are_the_same():
    catalog = _catalog()
    doc = flatten(
        catalog,
        {
            "id": "catalogue.product.2",
            "text": "Stapler 订书机",
            "title": "Stapler 订书机",
            "colour": ["Red"],
            "pack_size": 1,
            "price": 12.25,
            "in_stock": False,
            "date_created": datetime.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=datetime.UTC),
        },
    )
    doc.fields["date_created"].append("2026-01-02T11:04:05+08:00")  # another spelling of a UTC moment
    kinds = catalog.subfield_kinds()
    schema = tantivy_schema(catalog)
    one_call = tantivy_document(doc, kinds, schema).to_dict()
    by_field = tantivy_document(doc, kinds).to_dict()

    assert one_call == by_field
    moment = datetime.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)
    assert one_call["date_created"] == [moment, moment.replace(microsecond=0)]
    assert one_call["in_stock"] == [False] and one_call["pack_size"] == [1]
    assert json.loads(one_call["_source"][0])["title"] == "Stapler 订书机"
    assert isinstance(tantivy.Document.from_dict(one_call, schema), tantivy.Document)
