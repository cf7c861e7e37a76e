"""Which facets the catalogue offers, in ``OSCAR_SEARCH_FACETS`` shape, and their display data.

The price facet ranges over the buyer's currency field (``price_cny``, ``price_usd``, …) with bounds
sized per currency. Several values of one facet are OR-ed, different facets AND-ed; a facet's own
counts ignore its own selection (so a buyer can add a second colour), see ``views.base``.
"""

from __future__ import annotations

from decimal import Decimal

from babel import UnknownLocaleError
from babel.numbers import format_currency
from django.conf import settings
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _
from haystack.query import SearchQuerySet
from purl import URL

from shop.apps.search.search_indexes import price_field
from shop.plugins.manager import collect

# Price range bounds per currency (lower bounds; the last range is open-ended).
PRICE_BOUNDS: dict[str, tuple[Decimal, ...]] = {
    "CNY": (Decimal(0), Decimal(10), Decimal(50), Decimal(200), Decimal(1000)),
    "USD": (Decimal(0), Decimal("1.5"), Decimal(7), Decimal(30), Decimal(150)),
    "EUR": (Decimal(0), Decimal("1.5"), Decimal(7), Decimal(30), Decimal(150)),
    "JPY": (Decimal(0), Decimal(200), Decimal(1000), Decimal(4000), Decimal(20000)),
}
MAX_FACET_VALUE_LENGTH = 200


def nice_number(value: Decimal) -> Decimal:
    """``value`` rounded to one or two significant digits (1, 1.5, 2, 3, 5, 7 × 10ⁿ)."""
    if value <= 0:
        return Decimal(0)
    exponent = value.adjusted()
    scale = Decimal(10) ** exponent
    mantissa = value / scale
    for step in (Decimal(1), Decimal("1.5"), Decimal(2), Decimal(3), Decimal(5), Decimal(7), Decimal(10)):
        if mantissa <= step * Decimal("1.2"):
            return (step * scale).normalize()
    return (10 * scale).normalize()


def price_bounds(currency: str) -> tuple[Decimal, ...]:
    if currency in PRICE_BOUNDS:
        return PRICE_BOUNDS[currency]
    from shop.currency.rates import MissingRate, current_table

    try:
        rate, _used = current_table().rate("CNY", currency)
    except MissingRate:
        return PRICE_BOUNDS["CNY"]
    return tuple(nice_number(bound * rate) for bound in PRICE_BOUNDS["CNY"])


def _plain(amount: Decimal) -> str:
    return format(amount.normalize(), "f")


def format_money(amount: Decimal, currency: str) -> str:
    """A short amount for a facet label: "¥10", "$1.5", in the active language's conventions."""
    locale = to_locale(get_language() or settings.LANGUAGE_CODE)
    try:
        return format_currency(amount, currency, format="¤#,##0.##", currency_digits=False, locale=locale)
    except (UnknownLocaleError, ValueError):
        return f"{_plain(amount)} {currency}"


def price_queries(currency: str) -> list[tuple[str, str]]:
    """[(label, range query)] with inclusive lower and exclusive upper bounds."""
    bounds = price_bounds(currency)
    queries = []
    for lower, upper in zip(bounds, bounds[1:]):
        label = _("%(low)s – %(high)s") % {"low": format_money(lower, currency), "high": format_money(upper, currency)}
        queries.append((str(label), f"[{_plain(lower)} TO {_plain(upper)}}}"))
    label = _("%(low)s and more") % {"low": format_money(bounds[-1], currency)}
    queries.append((str(label), f"[{_plain(bounds[-1])} TO *]"))
    return queries


def search_facets(currency: str | None = None) -> dict:
    """The facets of the catalogue and search pages for a buyer paying in ``currency``."""
    currency = currency or settings.SHOP_BASE_CURRENCY
    fields: dict[str, dict] = {
        "category": {"name": _("Category"), "field": "category", "options": {"size": 1000}},
        "brand": {"name": _("Brand"), "field": "brand"},
        "colour": {"name": _("Colour"), "field": "colour"},
        "tip_size": {"name": _("Tip size"), "field": "tip_size"},
        "paper_weight": {"name": _("Paper weight (g/m²)"), "field": "paper_weight", "options": {"order": "term"}},
        "pack_size": {"name": _("Pack size"), "field": "pack_size", "options": {"order": "term"}},
        "material": {"name": _("Material"), "field": "material"},
        "eco_label": {"name": _("Eco label"), "field": "eco_label"},
        "supplier": {"name": _("Supplier"), "field": "supplier"},
        "in_stock": {"name": _("Availability"), "field": "in_stock"},
    }
    for facet in collect("shop_search_facets"):
        name, field = facet.get("name"), facet.get("field")
        if name and field and name not in fields:
            fields[name] = {"name": facet.get("label") or name, "field": field}
    queries = {
        "price_range": {"name": _("Price"), "field": price_field(currency), "queries": price_queries(currency)},
    }
    return {"fields": fields, "queries": queries}


def facet_fields(facets: dict) -> dict[str, str]:
    """{index field: facet key} for field facets."""
    return {facet["field"]: key for key, facet in facets["fields"].items()}


def valid_queries(facets: dict) -> dict[str, list[str]]:
    return {facet["field"]: [q for _label, q in facet["queries"]] for facet in facets["queries"].values()}


def browsable_sqs() -> SearchQuerySet:
    return SearchQuerySet().filter_and(is_public="true", structure__in=["standalone", "parent"])


def base_sqs(facets: dict, skip_field: str | None = None) -> SearchQuerySet:
    """Public, browsable products with every facet counted (except ``skip_field``'s)."""
    sqs = SearchQuerySet()
    for facet in facets["fields"].values():
        if facet["field"] != skip_field:
            sqs = sqs.facet(facet["field"], **facet.get("options", {}))
    for facet in facets["queries"].values():
        if facet["field"] != skip_field:
            for _label, query in facet["queries"]:
                sqs = sqs.query_facet(facet["field"], query)
    return sqs.filter_and(is_public="true", structure__in=["standalone", "parent"])


def strip_pagination(url: URL) -> str:
    if url.has_query_param("page"):
        url = url.remove_query_param("page")
    return url.as_string()


class FacetMunger:
    """haystack facet counts -> template data with select/deselect URLs (Oscar's shape, plus labels)."""

    def __init__(self, path: str, facets: dict, selected: dict[str, list[str]], counts: dict, labels=None):
        self.base_url = URL(path)
        self.facets = facets
        self.selected = selected
        self.counts = counts or {}
        self.labels = labels or (lambda field, value: value)

    def facet_data(self) -> dict:
        data: dict = {}
        if not self.counts:
            return data
        for key, facet in self.facets["fields"].items():
            data[key] = self.field_facet(facet)
        for key, facet in self.facets["queries"].items():
            data[key] = self.query_facet(facet)
        return data

    def _datum(self, field: str, value: str, label: str, count: int) -> dict:
        match = f"{field}:{value}"
        selected = value in self.selected.get(field, [])
        datum = {"name": label, "value": value, "count": count, "show_count": True, "selected": selected}
        datum["disabled"] = count == 0 and not selected
        if selected:
            datum["deselect_url"] = strip_pagination(self.base_url.remove_query_param("selected_facets", match))
        else:
            datum["select_url"] = strip_pagination(self.base_url.append_query_param("selected_facets", match))
        return datum

    def field_facet(self, facet: dict) -> dict:
        field = facet["field"]
        results = []
        seen = set()
        for value, count in self.counts.get("fields", {}).get(field, []):
            label = self.labels(field, value)
            if label is None:
                continue
            seen.add(value)
            results.append(self._datum(field, value, label, count))
        for value in self.selected.get(field, []):  # a selected value keeps its chip even without hits
            if value not in seen:
                label = self.labels(field, value)
                results.append(self._datum(field, value, value if label is None else label, 0))
        return {"name": facet["name"], "field": field, "results": results}

    def query_facet(self, facet: dict) -> dict:
        field = facet["field"]
        queries = self.counts.get("queries", {})
        results = [
            self._datum(field, query, label, int(queries.get(f"{field}:{query}", 0)))
            for label, query in facet["queries"]
        ]
        return {"name": facet["name"], "field": field, "results": results}
