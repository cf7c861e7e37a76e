"""Finding products by SKU, in bulk: a supplier SKU on a stock record, else the product's UPC.

SKUs are matched exactly first and then, for the ones not found, ignoring case,
so ``gp-05-blue`` finds ``GP-05-BLUE``. One SKU naming two different products
(two suppliers using the same code) is reported as ambiguous, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Upper
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

MAX_SKU_LENGTH = 128


@dataclass
class SkuLookup:
    """``found`` maps the SKU as given to its product; ``ambiguous`` maps it to the candidates' ids."""

    found: dict[str, object] = field(default_factory=dict)
    ambiguous: dict[str, list[int]] = field(default_factory=dict)

    def missing(self, skus: Iterable[str]) -> list[str]:
        return [s for s in skus if s not in self.found and s not in self.ambiguous]


def product_queryset() -> QuerySet:
    """Products with what pricing and availability read, so a list of them costs a fixed number of queries."""
    return Product.objects.select_related("parent", "product_class").prefetch_related(
        Prefetch("stockrecords", queryset=StockRecord.objects.order_by("pk"))
    )


def sku_of(product: Any) -> str:
    """The SKU a buyer knows a product by: its first stock record's SKU, else its UPC."""
    records = list(product.stockrecords.all())
    for record in records:
        if record.partner_sku:
            return record.partner_sku
    return product.upc or ""


def _candidates(skus: set[str], exact: bool) -> dict[str, set[int]]:
    """SKU key (as given, or upper-cased) → product ids, from stock records and UPCs."""
    by_key: dict[str, set[int]] = defaultdict(set)
    if not skus:
        return by_key
    if exact:
        records = StockRecord.objects.filter(partner_sku__in=skus).values_list("partner_sku", "product_id")
        upcs = Product.objects.filter(upc__in=skus).values_list("upc", "pk")
    else:
        records = (
            StockRecord.objects.annotate(key=Upper("partner_sku")).filter(key__in=skus).values_list("key", "product_id")
        )
        upcs = Product.objects.annotate(key=Upper("upc")).filter(key__in=skus).values_list("key", "pk")
    for key, pk in records:
        by_key[key].add(pk)
    for key, pk in upcs:
        by_key.setdefault(key, set())
        if not by_key[key]:
            by_key[key].add(pk)  # a supplier SKU wins over a UPC of the same text
    return by_key


def products_by_sku(skus: Iterable[str], queryset: QuerySet | None = None) -> SkuLookup:
    """Resolve many SKUs with a bounded number of queries (at most four lookups and one product load)."""
    wanted = {s for s in skus if s and len(s) <= MAX_SKU_LENGTH}
    exact = _candidates(wanted, exact=True)
    ids_for: dict[str, set[int]] = {s: exact[s] for s in wanted if exact.get(s)}
    rest = {s for s in wanted if s not in ids_for}
    if rest:
        folded = _candidates({s.upper() for s in rest}, exact=False)
        for sku in rest:
            if folded.get(sku.upper()):
                ids_for[sku] = folded[sku.upper()]
    result = SkuLookup()
    unique_ids = {next(iter(ids)) for ids in ids_for.values() if len(ids) == 1}
    products = (queryset if queryset is not None else product_queryset()).in_bulk(unique_ids)
    for sku, ids in ids_for.items():
        if len(ids) > 1:
            result.ambiguous[sku] = sorted(ids)
        elif (pk := next(iter(ids))) in products:
            result.found[sku] = products[pk]
    return result


def search_products(term: str, limit: int = 10) -> list:
    """Public, buyable products whose SKU or UPC starts with ``term`` or whose title contains it."""
    term = term.strip()[:MAX_SKU_LENGTH]
    if len(term) < 2:
        return []
    ids = list(
        Product.objects.filter(is_public=True)
        .exclude(structure=Product.PARENT)
        .filter(Q(stockrecords__partner_sku__istartswith=term) | Q(upc__istartswith=term) | Q(title__icontains=term))
        .order_by("title", "pk")
        .values_list("pk", flat=True)
        .distinct()[: limit * 3]
    )
    ordered = list(dict.fromkeys(ids))[:limit]
    products = product_queryset().in_bulk(ordered)
    return [products[pk] for pk in ordered if pk in products]
