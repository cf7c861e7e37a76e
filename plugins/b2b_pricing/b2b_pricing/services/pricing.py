"""The buyer's price for the core price chain, and the tier table a product page shows.

:func:`adjust` is what the ``shop_adjust_price`` hook calls. Visitors who are
not signed in always get the list price handed in (whether the theme shows it
is :func:`prices_hidden_for`'s answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from shop.currency.pricing import price_in

from .. import conf
from .baskets import counts_of, quantities_for, request_basket
from .buyers import book_for, is_signed_in
from .pricebook import Quote, Source


def adjust(product: Any, price: Decimal, currency: str, context: dict) -> Decimal:
    """The unit price this buyer pays for ``product``, given the chain's price so far (the list price)."""
    book = book_for(context.get("user"), context.get("request"), currency)
    if book is None:
        return price
    quantity, family = quantities_for(product, context)
    return book.quote(product, price, quantity, family).amount


def prices_hidden_for(user: Any) -> bool:
    """True when the operator hides prices from visitors and ``user`` is not signed in."""
    return conf.hide_prices_from_anonymous() and not is_signed_in(user)


def list_price(strategy: Any, product: Any) -> Decimal | None:
    """The product's list price in the strategy's currency, before any plugin (None when it has none)."""
    stockrecord = strategy.select_stockrecord(product)
    if stockrecord is None or stockrecord.price is None:
        return None
    listed = price_in(stockrecord, strategy.currency, strategy.rate_table)
    return listed.amount if listed is not None else None


def quote(request: Any, product: Any, quantity: int, family_quantity: int | None = None) -> Quote | None:
    """This buyer's unit price for ``quantity`` of ``product`` (None when it has no price in their currency)."""
    strategy = request.strategy
    listed = list_price(strategy, product)
    if listed is None:
        return None
    book = book_for(request.user, request, strategy.currency)
    if book is None:
        return Quote(listed, Source.LIST_PRICE, counted=quantity)
    return book.quote(product, listed, quantity, family_quantity or quantity)


@dataclass(frozen=True)
class TierRow:
    min_quantity: int
    max_quantity: int | None
    price: Decimal
    is_current: bool


@dataclass(frozen=True)
class NextBreak:
    """Buying ``more`` (or ``quantity`` in all) lowers the unit price by ``saving`` to ``price``."""

    more: int
    quantity: int
    price: Decimal
    saving: Decimal
    in_basket: int


@dataclass(frozen=True)
class TierTable:
    currency: str
    rows: list[TierRow]
    current: Quote
    counted: int
    next_break: NextBreak | None
    counts_variants_together: bool


def tier_table(request: Any, product: Any) -> TierTable | None:
    """The buyer's unit price per quantity range for ``product`` and the next saving; None without tiers."""
    strategy = request.strategy
    listed = list_price(strategy, product)
    book = book_for(request.user, request, strategy.currency)
    if listed is None or book is None:
        return None
    points = book.break_points(product)
    if len(points) < 2:
        return None
    prices = [(point, book.quote(product, listed, point, point).amount) for point in points]
    ranges: list[tuple[int, Decimal]] = []
    for point, amount in prices:
        if not ranges or ranges[-1][1] != amount:
            ranges.append((point, amount))
    if len(ranges) < 2:
        return None
    counts = counts_of(request_basket(request))
    own_in, family_in = counts.of_product(product.pk), counts.of_family(product.parent_id)
    current = book.quote(product, listed, max(own_in, 1), max(own_in, family_in, 1))
    together = bool(current.tiers and current.tiers.count_variants_together and product.parent_id)
    in_basket = family_in if together else own_in
    counted = max(in_basket, 1)
    rows = []
    for index, (low, amount) in enumerate(ranges):
        high = ranges[index + 1][0] - 1 if index + 1 < len(ranges) else None
        rows.append(TierRow(low, high, amount, low <= counted and (high is None or counted <= high)))
    next_break = None
    for row in rows:
        if row.min_quantity > counted and row.price < current.amount:
            more = row.min_quantity - in_basket
            next_break = NextBreak(more, row.min_quantity, row.price, current.amount - row.price, in_basket)
            break
    return TierTable(strategy.currency, rows, current, counted, next_break, together)

