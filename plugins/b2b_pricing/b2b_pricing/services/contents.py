"""What a price list holds (entries and quantity breaks), kept in each process's memory by revision.

A price list's ``revision`` changes with every change of its entries or breaks
(see :mod:`b2b_pricing.services.revisions`), and every request reads the
revisions of the lists it uses. So a process loads a list's contents once (two
queries) and reuses them until the list changes — however many products a page
or basket prices. The cache is bounded (least recently used lists are dropped).
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from .. import conf


@dataclass(frozen=True)
class Break:
    min_quantity: int
    max_quantity: int | None
    price: Decimal

    def covers(self, quantity: int) -> bool:
        return self.min_quantity <= quantity and (self.max_quantity is None or quantity <= self.max_quantity)


@dataclass(frozen=True)
class Tiers:
    product_id: int
    count_variants_together: bool
    breaks: tuple[Break, ...]

    def price_at(self, quantity: int) -> Decimal | None:
        for item in self.breaks:
            if item.covers(quantity):
                return item.price
        return None


@dataclass(frozen=True)
class Entry:
    price: Decimal
    min_quantity: int | None
    pack_size: int | None


@dataclass
class ListContents:
    entries: dict[int, Entry] = field(default_factory=dict)
    tiers: dict[int, Tiers] = field(default_factory=dict)

    def prices(self, product_id: int) -> bool:
        return product_id in self.entries or product_id in self.tiers


_lock = threading.Lock()
_cache: OrderedDict[tuple[int, uuid.UUID], ListContents] = OrderedDict()


def load(price_list_id: int) -> ListContents:
    """Read one list's entries and breaks from the database (two queries)."""
    from ..models import PriceListEntry, QuantityBreak

    contents = ListContents()
    for product_id, price, min_quantity, pack_size in PriceListEntry.objects.filter(
        price_list_id=price_list_id
    ).values_list("product_id", "price", "min_quantity", "pack_size"):
        contents.entries[product_id] = Entry(price, min_quantity, pack_size)
    rows = (
        QuantityBreak.objects.filter(table__price_list_id=price_list_id)
        .order_by("table__product_id", "min_quantity")
        .values_list("table__product_id", "table__count_variants_together", "min_quantity", "max_quantity", "price")
    )
    grouped: dict[int, tuple[bool, list[Break]]] = {}
    for product_id, together, low, high, price in rows:
        grouped.setdefault(product_id, (together, []))[1].append(Break(low, high, price))
    for product_id, (together, breaks) in grouped.items():
        contents.tiers[product_id] = Tiers(product_id, together, tuple(breaks))
    return contents


def contents_of(price_list_id: int, revision: uuid.UUID) -> ListContents:
    """The list's contents at ``revision``, from memory when this process has them."""
    key = (price_list_id, revision)
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    fresh = load(price_list_id)
    with _lock:
        for stale in [k for k in _cache if k[0] == price_list_id]:
            del _cache[stale]
        _cache[key] = fresh
        limit = max(conf.contents_cache_size(), 1)
        while len(_cache) > limit:
            _cache.popitem(last=False)
    return fresh


def clear() -> None:
    """Forget every cached list (tests, and a management shell after raw SQL)."""
    with _lock:
        _cache.clear()
