"""Quantities in the buyer's basket, which quantity breaks count, and keeping stored line prices current.

The core price chain passes ``context["quantity"]`` (always 1 today: Oscar's
strategy prices a product, not a line). So the plugin counts what the buyer's
*already loaded* basket holds of the product (and of its variant family): the
basket in ``context["basket"]`` when the core passes one, else the basket Oscar
loaded for the request. It never loads a basket itself, so it cannot recurse
into Oscar's basket middleware. Counting reads the basket's cached lines, once
per change of the lines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import SimpleLazyObject, empty

_SUSPENDED_ATTR = "_b2b_pricing_bulk_adding"
_COUNTS_ATTR = "_b2b_pricing_counts"


@dataclass
class BasketCounts:
    by_product: dict[int, int] = field(default_factory=dict)
    by_family: dict[int, int] = field(default_factory=dict)

    def of_product(self, product_id: int) -> int:
        return self.by_product.get(product_id, 0)

    def of_family(self, parent_id: int | None) -> int:
        return self.by_family.get(parent_id, 0) if parent_id else 0


EMPTY = BasketCounts()


def loaded_basket(context: dict) -> Any:
    """The basket in ``context`` or the request's basket if Oscar already loaded it; never loads one."""
    basket = context.get("basket")
    if basket is not None:
        return basket
    request = context.get("request")
    if request is None or getattr(request, _SUSPENDED_ATTR, False):
        return None
    attached = request.__dict__.get("basket")
    if isinstance(attached, SimpleLazyObject):
        wrapped = attached._wrapped
        if wrapped is not empty:
            return wrapped
    elif attached is not None:
        return attached
    return request.__dict__.get("_basket_cache")


def request_basket(request: Any) -> Any:
    """The request's basket, loading it if needed: for views and template tags, never inside the price chain."""
    basket = getattr(request, "basket", None)
    if isinstance(basket, SimpleLazyObject):
        if basket._wrapped is empty:
            basket._setup()
        return basket._wrapped
    return basket


def counts_of(basket: Any) -> BasketCounts:
    """Quantities per product and per variant family, computed once per state of the basket's cached lines."""
    if basket is None or not getattr(basket, "id", None):
        return EMPTY
    lines = basket.all_lines()
    cached = basket.__dict__.get(_COUNTS_ATTR)
    if cached is not None and cached[0] is lines:
        return cached[1]
    by_product: dict[int, int] = defaultdict(int)
    by_family: dict[int, int] = defaultdict(int)
    for line in lines:
        by_product[line.product_id] += line.quantity
        parent_id = line.product.parent_id if line.product_id else None
        if parent_id:
            by_family[parent_id] += line.quantity
    counts = BasketCounts(dict(by_product), dict(by_family))
    basket.__dict__[_COUNTS_ATTR] = (lines, counts)
    return counts


def quantities_for(product: Any, context: dict) -> tuple[int, int]:
    """``(quantity, family quantity)`` to price ``product`` at, for this call of the price chain."""
    explicit = int(context.get("quantity") or 1)
    counts = counts_of(loaded_basket(context))
    own = explicit if explicit > 1 else max(counts.of_product(product.pk), 1)
    family = max(own, counts.of_family(product.parent_id))
    return own, family


@contextmanager
def bulk_adding(request: Any) -> Iterator[None]:
    """While many lines are added at once, do not recount the basket for every line (refresh once after)."""
    setattr(request, _SUSPENDED_ATTR, True)
    try:
        yield
    finally:
        setattr(request, _SUSPENDED_ATTR, False)


def refresh_stored_prices(basket: Any, product_ids: set[int] | None = None) -> int:
    """Store each line's current unit price, so Oscar does not warn of a "price change" a break caused.

    Oscar keeps the unit price at the time a line was added and warns when it
    differs; adding to reach a quantity break changes the price of the lines
    of that product (or family) on purpose. Returns the number of lines saved.
    """
    if basket is None or not getattr(basket, "id", None):
        return 0
    basket.reset_offer_applications()  # a fresh line list, priced at the basket's new quantities
    saved = 0
    for line in basket.all_lines():
        if line.product_id is None:
            continue
        if product_ids is not None and line.product_id not in product_ids and line.product.parent_id not in product_ids:
            continue
        price = line.purchase_info.price
        if not price.exists:
            continue
        incl = price.incl_tax if price.is_tax_known else price.excl_tax
        if line.price_excl_tax != price.excl_tax or line.price_incl_tax != incl:
            line.price_excl_tax, line.price_incl_tax = price.excl_tax, incl
            line.save(update_fields=["price_excl_tax", "price_incl_tax"])
            saved += 1
    return saved
