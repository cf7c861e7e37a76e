"""How haystack's index fields become engine fields, shared by the embedded and Elasticsearch backends.

A ``FieldCatalog`` is derived from haystack's unified index. Each haystack field becomes one
``FieldSpec`` and one or more engine *subfields* with flat names (the same names in tantivy and in
Elasticsearch, so the query JSON built in ``dsl.py`` runs unchanged on both):

=============================  ========================================================================
haystack field                 engine subfields
=============================  ========================================================================
document / CharField           ``f`` (English), ``f__cjk`` (Chinese), ``f__raw`` (exact, facets),
                               ``f__sort`` (lowercased, sorting); the document field has no raw/sort
(Edge)NgramField               as CharField plus ``f__prefix`` (word prefixes, autocomplete)
a field with ``pinyin = True``  plus ``f__pinyin`` (pinyin of its Chinese words, see ``pinyin.py``)
facet fields, ``indexed=False``  ``f__raw`` and ``f__sort`` only
Integer/Float/Boolean/Date     ``f`` (typed, indexed, fast)
=============================  ========================================================================

The prepared document itself is kept as ``_source`` (JSON) to build ``SearchResult`` objects from.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone
from haystack.constants import DJANGO_CT, DJANGO_ID, ID

from shop.searchengine import analysis, pinyin

# field kinds
TEXT = "text"
KEYWORD = "keyword"
INTEGER = "integer"
FLOAT = "float"
BOOLEAN = "boolean"
DATE = "date"
STORED = "stored"

# subfield kinds
SUB_EN, SUB_CJK, SUB_PREFIX, SUB_RAW, SUB_SORT = "en", "cjk", "prefix", "raw", "sort"
SUB_PINYIN = "pinyin"
SUB_I64, SUB_F64, SUB_BOOL, SUB_DATE = "i64", "f64", "bool", "date"
SUB_TS = "ts"  # a date as epoch microseconds: tantivy keeps dates to the second, sorting needs better
SOURCE_FIELD = "_source"

_KIND_BY_HAYSTACK_TYPE = {
    "string": TEXT,
    "edge_ngram": TEXT,
    "ngram": TEXT,
    "integer": INTEGER,
    "float": FLOAT,
    "boolean": BOOLEAN,
    "date": DATE,
    "datetime": DATE,
    "location": STORED,
}
_TYPED_SUBFIELD = {INTEGER: SUB_I64, FLOAT: SUB_F64, BOOLEAN: SUB_BOOL, DATE: SUB_DATE}


@dataclass(frozen=True)
class SubField:
    name: str
    kind: str  # one of the SUB_* kinds
    spec_name: str


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str
    document: bool = False
    multivalued: bool = False
    prefix: bool = False
    facet_for: str | None = None
    boost: float = 1.0
    pinyin: bool = False

    @property
    def is_string(self) -> bool:
        return self.kind in (TEXT, KEYWORD)

    def sub(self, kind: str) -> str:
        return self.name if kind in (SUB_EN, SUB_I64, SUB_F64, SUB_BOOL, SUB_DATE) else f"{self.name}__{kind}"

    def subfields(self) -> list[SubField]:
        if self.kind == STORED:
            return []
        if self.kind == DATE:
            return [SubField(self.name, SUB_DATE, self.name), SubField(self.sub(SUB_TS), SUB_TS, self.name)]
        if self.kind in _TYPED_SUBFIELD:
            return [SubField(self.name, _TYPED_SUBFIELD[self.kind], self.name)]
        kinds = [SUB_EN, SUB_CJK] if self.kind == TEXT else []
        if self.prefix:
            kinds.append(SUB_PREFIX)
        if self.pinyin and self.kind == TEXT:
            kinds.append(SUB_PINYIN)
        if not self.document:
            kinds.append(SUB_RAW)
            if not self.multivalued:
                kinds.append(SUB_SORT)
        return [SubField(self.sub(kind), kind, self.name) for kind in kinds]

    @property
    def exact_field(self) -> str | None:
        """Subfield holding the value as-is (filters, facets), or None for the document field."""
        if self.kind in _TYPED_SUBFIELD:
            return self.name
        return None if self.document or self.kind == STORED else self.sub(SUB_RAW)

    @property
    def sort_field(self) -> str | None:
        if self.kind == DATE:
            return self.sub(SUB_TS)
        if self.kind in _TYPED_SUBFIELD:
            return self.name
        if self.is_string and not self.document and not self.multivalued:
            return self.sub(SUB_SORT)
        return None


@dataclass
class FieldCatalog:
    """All fields of all registered indexes (haystack merges same-named fields the same way)."""

    fields: dict[str, FieldSpec]
    document_field: str = "text"
    subfields: list[SubField] = field(default_factory=list)
    by_field: dict[str, list[SubField]] = field(default_factory=dict)

    @classmethod
    def from_unified_index(cls, unified_index) -> FieldCatalog:
        specs = {
            ID: FieldSpec(ID, KEYWORD),
            DJANGO_CT: FieldSpec(DJANGO_CT, KEYWORD),
            DJANGO_ID: FieldSpec(DJANGO_ID, KEYWORD),
        }
        document_field = unified_index.document_field or "text"
        for name, search_field in unified_index.all_searchfields().items():
            specs[name] = spec_for_search_field(name, search_field)
        return cls.build(specs, document_field)

    @classmethod
    def build(cls, specs: dict[str, FieldSpec], document_field: str) -> FieldCatalog:
        by_field = {name: spec.subfields() for name, spec in specs.items()}
        subfields = [sub for subs in by_field.values() for sub in subs]
        return cls(fields=specs, document_field=document_field, subfields=subfields, by_field=by_field)

    def get(self, name: str) -> FieldSpec | None:
        if name == "content":
            name = self.document_field
        return self.fields.get(name)

    def subfield_kinds(self) -> dict[str, str]:
        return {sub.name: sub.kind for sub in self.subfields}

    def fingerprint(self) -> str:
        """Changes whenever the engine schema would change (then the index must be rebuilt)."""
        layout = sorted((sub.name, sub.kind) for sub in self.subfields)
        return hashlib.sha256(json.dumps(layout).encode()).hexdigest()[:16]

    def to_json(self) -> list[dict]:
        return [spec.__dict__ for spec in self.fields.values()]

    @classmethod
    def from_json(cls, data: list[dict], document_field: str) -> FieldCatalog:
        return cls.build({d["name"]: FieldSpec(**d) for d in data}, document_field)


def spec_for_search_field(name: str, search_field) -> FieldSpec:
    kind = _KIND_BY_HAYSTACK_TYPE.get(search_field.field_type, TEXT)
    facet_for = getattr(search_field, "facet_for", None)
    if kind == TEXT and not search_field.document and (facet_for or not search_field.indexed):
        kind = KEYWORD
    return FieldSpec(
        name=name,
        kind=kind,
        document=bool(search_field.document),
        multivalued=bool(search_field.is_multivalued),
        prefix=search_field.field_type in ("edge_ngram", "ngram"),
        facet_for=search_field.get_facet_for_name() if facet_for else None,
        boost=float(search_field.boost or 1.0),
        pinyin=bool(getattr(search_field, "pinyin", False)),
    )


# --- values ------------------------------------------------------------------------------------------


def to_utc(value: datetime.date | datetime.datetime) -> datetime.datetime:
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime(value.year, value.month, value.day)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC)


def parse_datetime(value: Any) -> datetime.datetime:
    if isinstance(value, datetime.date):
        return to_utc(value)
    text = str(value).strip().replace("Z", "+00:00")
    return to_utc(datetime.datetime.fromisoformat(text))


_TRUE = {"true", "1", "yes", "on", "t"}
_FALSE = {"false", "0", "no", "off", "f"}


def coerce(spec: FieldSpec, value: Any) -> Any:
    """A filter value as the JSON value stored in ``spec``'s exact subfield; ValueError when impossible."""
    if isinstance(value, str):
        value = value.strip()
    if spec.kind == INTEGER:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            number = value
        else:
            as_float = float(value)
            if not math.isfinite(as_float) or not as_float.is_integer():
                raise ValueError(f"{value!r} is not an integer")
            number = int(as_float)
        if not -(2**63) <= number < 2**63:
            raise ValueError(f"{value!r} is out of range")
        return number
    if spec.kind == FLOAT:
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{value!r} is not a finite number")
        return number
    if spec.kind == BOOLEAN:
        if isinstance(value, bool):
            return value
        lowered = str(value).lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(f"{value!r} is not a boolean")
    if spec.kind == DATE:
        return parse_datetime(value).isoformat()
    if spec.kind == STORED:
        raise ValueError(f"field {spec.name} is not searchable")
    return string_value(value)


def string_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


_PLAIN = frozenset((str, int, float, bool, type(None)))


def json_safe(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if type(value) is dict:
        out = {}
        for key, item in value.items():
            kind = type(item)
            if kind is list and all(type(v) in _PLAIN for v in item):
                item = list(item)
            elif kind not in _PLAIN:
                item = json_safe(item)
            out[key if type(key) is str else str(key)] = item
        return out
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_safe(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass
class IndexDocument:
    """One prepared haystack document flattened to engine subfields (JSON-safe values)."""

    id: str
    source: dict
    fields: dict[str, list[Any]]


def flatten(catalog: FieldCatalog, prepared: dict) -> IndexDocument:
    """Turn ``index.full_prepare(obj)`` output into subfield values; unknown keys stay in the source only.

    Runs once per document on every (re)index, so the per-field decisions are taken once per catalog
    (``_flatten_plan``) and plain values (str, int, float, bool, UTC datetimes) skip the generic coercion.
    """
    plan = catalog.__dict__.get("_plan")
    if plan is None:
        plan = catalog.__dict__["_plan"] = _flatten_plan(catalog)
    fields: dict[str, list[Any]] = {}
    for name, raw_value in prepared.items():
        entry = plan.get(name)
        if entry is None or raw_value is None:
            continue
        if isinstance(raw_value, (list, tuple, set, frozenset)):
            values = [v for v in raw_value if v is not None]
            if not values:
                continue
        else:
            values = [raw_value]
        spec, subfields = entry
        texts: list[str] | None = None
        dates: list[datetime.datetime] | None = None
        for sub_name, kind in subfields:
            if kind == SUB_TS:
                if dates is None:
                    dates = _utc_dates(spec, values)
                converted = [round(d.timestamp() * 1_000_000) for d in dates]
            elif kind == SUB_DATE:
                if dates is None:
                    dates = _utc_dates(spec, values)
                converted = [d.isoformat() for d in dates]
            elif kind in _TYPED_KINDS:
                converted = _fast_typed_values(spec, values)
            else:
                if texts is None:
                    texts = [v if type(v) is str else string_value(v) for v in values]
                    if spec.document:
                        texts = [analysis.plain_text(t) for t in texts]
                converted = _text_values(kind, texts)
            if converted:
                fields[sub_name] = converted
    return IndexDocument(id=str(prepared[ID]), source=json_safe(prepared), fields=fields)


def _flatten_plan(catalog: FieldCatalog) -> dict[str, tuple[FieldSpec, tuple[tuple[str, str], ...]]]:
    return {
        name: (catalog.fields[name], tuple((sub.name, sub.kind) for sub in subs))
        for name, subs in catalog.by_field.items()
        if subs
    }


def _utc_dates(spec: FieldSpec, values: list[Any]) -> list[datetime.datetime]:
    """Values of a date field as aware UTC datetimes (what ``coerce`` + ``parse_datetime`` give), bad ones left out."""
    out = []
    for value in values:
        if type(value) is datetime.datetime and value.tzinfo is datetime.UTC:
            out.append(value)
            continue
        try:
            out.append(parse_datetime(coerce(spec, value)))
        except (TypeError, ValueError, OverflowError):
            continue
    return out


def _fast_typed_values(spec: FieldSpec, values: list[Any]) -> list[Any]:
    kind = spec.kind
    out = []
    for value in values:
        plain = type(value)
        if kind == INTEGER and plain is int and -(2**63) <= value < 2**63:
            out.append(value)
        elif kind == BOOLEAN and plain is bool:
            out.append(value)
        elif kind == FLOAT and plain is float and math.isfinite(value):
            out.append(value)
        else:
            try:
                out.append(coerce(spec, value))
            except (TypeError, ValueError, OverflowError):
                continue
    return out


_TYPED_KINDS = frozenset((SUB_I64, SUB_F64, SUB_BOOL, SUB_DATE))


def _text_values(kind: str, texts: list[str]) -> list[str]:
    if kind in (SUB_EN, SUB_RAW):
        return texts
    if kind == SUB_SORT:
        return texts[:1]
    transform = _TEXT_TRANSFORMS.get(kind)
    if transform is None:
        raise ValueError(f"unknown subfield kind {kind}")
    out = []
    for text in texts:
        converted = transform(text) if len(text) > _CACHED_TEXT_CHARS else _cached_transform(kind, text)
        if converted:
            out.append(converted)
    return out


_TEXT_TRANSFORMS = {
    SUB_CJK: analysis.segment_for_index,
    SUB_PREFIX: analysis.prefixes_for_index,
    SUB_PINYIN: lambda text: pinyin.pinyin_for_index(text),
}
# Short field values (titles, brands, colours, suppliers, SKUs) repeat across a catalog: their index forms
# are computed once per process. Long texts (the document field, descriptions) are rarely repeated.
_CACHED_TEXT_CHARS = 200


@functools.lru_cache(maxsize=100_000)
def _cached_transform(kind: str, text: str) -> str:
    return _TEXT_TRANSFORMS[kind](text)
