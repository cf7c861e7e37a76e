"""Minimum order quantities and pack multiples, and the message a buyer gets when a quantity breaks them.

Which rule applies to a buyer, field by field, first set value wins: the entry
of the price list that prices the product for them, that list's own default,
the product's order rule, its parent's order rule; else 1.

:func:`purchase_problem` answers the core's ``shop_purchase_permitted`` hook
(Oscar's add-to-basket and basket forms, the checkout's line check); the
rules of a whole basket are read with one query and kept on the request, so
checking every line of a 500-line basket costs one query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .pricebook import PriceBook

_RULES_ATTR = "_b2b_pricing_rules"


@dataclass(frozen=True)
class OrderRule:
    min_quantity: int = 1
    pack_size: int = 1

    @property
    def smallest(self) -> int:
        """The smallest quantity that meets both the minimum and the pack multiple."""
        packs = -(-max(self.min_quantity, 1) // self.pack_size)
        return packs * self.pack_size

    @property
    def is_free(self) -> bool:
        return self.min_quantity <= 1 and self.pack_size <= 1


FREE = OrderRule()


def _first(*values: int | None) -> int:
    for value in values:
        if value:
            return int(value)
    return 1


def rules_for(book: PriceBook | None, products: Iterable[Any]) -> dict[int, OrderRule]:
    """The rule of each product for this buyer (one query for the products' own rules)."""
    from ..models import ProductOrderRule

    products = list(products)
    ids = {p.pk for p in products} | {p.parent_id for p in products if p.parent_id}
    stored = {
        pk: (low, pack)
        for pk, low, pack in ProductOrderRule.objects.filter(product_id__in=ids).values_list(
            "product_id", "min_quantity", "pack_size"
        )
    } if ids else {}
    rules: dict[int, OrderRule] = {}
    for product in products:
        own = stored.get(product.pk, (None, None))
        family = stored.get(product.parent_id, (None, None)) if product.parent_id else (None, None)
        entry_min = entry_pack = list_min = list_pack = None
        source = book.winning_source(product) if book is not None else None
        if source is not None:
            applied, _tiers, entry = source
            list_min, list_pack = applied.min_quantity, applied.pack_size
            if entry is not None:
                entry_min, entry_pack = entry.min_quantity, entry.pack_size
        rules[product.pk] = OrderRule(
            min_quantity=_first(entry_min, list_min, own[0], family[0]),
            pack_size=_first(entry_pack, list_pack, own[1], family[1]),
        )
    return rules


def problem(rule: OrderRule, quantity: int, title: str) -> str | None:
    """Why ``quantity`` of the product cannot be ordered under ``rule``, with the quantities that can; or None."""
    if quantity < rule.min_quantity:
        return _("%(product)s: the minimum order is %(minimum)d, so %(quantity)d is too few. Order %(smallest)d.") % {
            "product": title,
            "minimum": rule.min_quantity,
            "quantity": quantity,
            "smallest": rule.smallest,
        }
    if quantity % rule.pack_size:
        lower = quantity // rule.pack_size * rule.pack_size
        upper = lower + rule.pack_size
        values = {"product": title, "pack": rule.pack_size, "quantity": quantity, "lower": lower, "upper": upper}
        if lower >= max(rule.smallest, 1):
            return _(
                "%(product)s is sold in packs of %(pack)d, so %(quantity)d cannot be ordered: "
                "order %(lower)d or %(upper)d."
            ) % values
        values["upper"] = max(upper, rule.smallest)
        return _(
            "%(product)s is sold in packs of %(pack)d, so %(quantity)d cannot be ordered: order %(upper)d."
        ) % values
    return None


def describe(rule: OrderRule) -> str:
    """The rule in words for a product page, e.g. "Sold in packs of 12; minimum order 24."."""
    if rule.is_free:
        return ""
    if rule.pack_size > 1 and rule.min_quantity > rule.pack_size:
        return _("Sold in packs of %(pack)d; minimum order %(minimum)d.") % {
            "pack": rule.pack_size, "minimum": rule.smallest
        }
    if rule.pack_size > 1:
        return _("Sold in packs of %(pack)d.") % {"pack": rule.pack_size}
    return _("Minimum order %(minimum)d.") % {"minimum": rule.min_quantity}


def basket_problems(book: PriceBook | None, basket: Any) -> list[str]:
    """A message per product of the basket whose total quantity breaks its rule (for checkout)."""
    if basket is None or not getattr(basket, "id", None):
        return []
    totals: dict[int, int] = {}
    products: dict[int, Any] = {}
    for line in basket.all_lines():
        if line.product_id is None:
            continue
        totals[line.product_id] = totals.get(line.product_id, 0) + line.quantity
        products[line.product_id] = line.product
    rules = rules_for(book, products.values())
    messages = []
    for product_id, quantity in totals.items():
        message = problem(rules[product_id], quantity, products[product_id].get_title())
        if message:
            messages.append(message)
    return messages


def rules_kept_on(request: Any, book: PriceBook | None, products: Iterable[Any]) -> dict[int, OrderRule]:
    """The rules of ``products`` for this buyer, read once per request (one query for those not read yet).

    Kept per price book (the request keeps its books, so their identity is stable),
    where :func:`purchase_problem` finds them too.
    """
    kept = request.__dict__.setdefault(_RULES_ATTR, {}).setdefault(book, {})
    missing = {p.pk: p for p in products if p.pk not in kept}
    if missing:
        kept.update(rules_for(book, missing.values()))
    return kept


def order_quantity(book: PriceBook | None, product: Any, request: Any = None) -> tuple[int, int] | None:
    """``(smallest quantity, pack multiple)`` this buyer must order ``product`` in; None when any will do."""
    if product is None or getattr(product, "pk", None) is None or product.is_parent:
        return None
    if request is None:
        rule = rules_for(book, [product])[product.pk]
    else:
        rule = rules_kept_on(request, book, [product])[product.pk]
    return None if rule.is_free else (rule.smallest, rule.pack_size)


def order_quantities(book: PriceBook | None, products: Iterable[Any],
                     request: Any = None) -> dict[int, tuple[int, int]]:
    """``{pk: (smallest quantity, pack multiple)}`` for those of ``products`` with a rule for this buyer.

    One query for all of them (none for those already kept on ``request``):
    the rules stay on the request, so adding a listed product to the basket in
    the same request asks nothing more.
    """
    products = [p for p in products if getattr(p, "pk", None) is not None and not p.is_parent]
    if not products:
        return {}
    rules = rules_for(book, products) if request is None else rules_kept_on(request, book, products)
    return {p.pk: (rules[p.pk].smallest, rules[p.pk].pack_size) for p in products if not rules[p.pk].is_free}


def purchase_problem(book: PriceBook | None, product: Any, quantity: int, basket: Any = None,
                     request: Any = None) -> str | None:
    """Why this buyer may not have ``quantity`` of ``product`` (or None), with the quantities they may order.

    With a ``request`` the rules are kept on it: the first question reads the
    rules of ``product`` and of every product in ``basket`` in one query, later
    questions in the same request none.
    """
    if product is None or getattr(product, "pk", None) is None:
        return None
    if request is None:
        rule = rules_for(book, [product])[product.pk]
    else:
        kept = request.__dict__.get(_RULES_ATTR, {}).get(book, {})
        rule = kept.get(product.pk)
        if rule is None:
            products = [product]
            if basket is not None and getattr(basket, "id", None):
                products += [line.product for line in basket.all_lines() if line.product_id is not None]
            rule = rules_kept_on(request, book, products)[product.pk]
    return problem(rule, quantity, product.get_title())
