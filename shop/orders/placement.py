"""Submitting a basket as an order: the checks and records that belong in the placement transaction.

:func:`place` wraps Oscar's order creation in one transaction that

1. locks the basket row, so the same basket submitted twice at once makes one
   order (the second submission finds the first one's order and returns it);
2. lets Oscar write the order (the checkout uses :class:`shop.orders.creator.BulkOrderCreator`: a fixed
   number of queries whatever the number of lines);
3. splits it per supplier, records the payment (checking the company's credit
   for pay on account, with the company row locked), reserves the stock through
   the inventory service and writes the first timeline entry.

Any refusal raises :class:`PlacementRefused` and the whole transaction rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency as format_currency

from shop.apps.checkout.payment import BANK_TRANSFER

from . import stock
from .credit import CreditError
from .fulfilment import split_order
from .lifecycle import record_event
from .models import AlertSettings, OrderEvent, Role
from .payments import record_payment

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


class PlacementRefused(Exception):
    """The order cannot be placed; ``str()`` is the reason for the buyer. Nothing was written."""


class AlreadyPlaced(Exception):
    """This basket was already turned into ``order`` (a repeated or concurrent submission)."""

    def __init__(self, order: Any) -> None:
        super().__init__(order.number)
        self.order = order


def lock_basket(basket: Any) -> None:
    """Take the basket's row lock (waits for a concurrent submission of the same basket to finish) and
    raise :class:`AlreadyPlaced` when that submission made an order."""
    Basket.objects.select_for_update().filter(pk=basket.pk).values_list("pk", flat=True).first()
    existing = Order.objects.filter(basket_id=basket.pk).first()
    if existing is not None:
        raise AlreadyPlaced(existing)


def place(
    basket: Any,
    create_order: Callable[[], Any],
    *,
    user: Any,
    payment_method: str,
    company: Any = None,
) -> Any:
    """Create the order with ``create_order`` (Oscar's placement) and everything the lifecycle needs.

    Raises :class:`AlreadyPlaced` or :class:`PlacementRefused`; in both cases this call wrote nothing.
    """
    with transaction.atomic():
        lock_basket(basket)
        order = create_order()
        order.number = str(order.number)  # Oscar's generator returns an int; the column (and the ledger) hold text
        split_order(order)
        try:
            record_payment(order, payment_method, company)
        except CreditError as exc:
            raise PlacementRefused(str(exc)) from exc
        try:
            stock.reserve(order, user=user, expires_at=reservation_expiry(payment_method))
        except stock.insufficient_stock_error() as exc:
            raise PlacementRefused(str(exc)) from exc
        stock.records_changed(order)
        record_event(order, OrderEvent.Kind.PLACED, user=user, role=Role.BUYER)
        basket.submit()
    return order


def reservation_expiry(payment_method: str) -> datetime | None:
    """Unpaid bank transfers hold stock for the operators' ``unpaid_hold_hours``; other orders until shipped."""
    hours = AlertSettings.current().unpaid_hold_hours
    if payment_method != BANK_TRANSFER or not hours:
        return None
    return timezone.now() + timedelta(hours=hours)


def price_changes(basket: Any) -> list[str]:
    """Lines whose price went up since they were put in the basket, one message each.

    Every changed line takes the current price, so the buyer reviews the new
    total and can submit again; a price that went down (a quantity break
    reached, a promotion) is simply taken.
    """
    messages = []
    for line in basket.all_lines():
        info = line.purchase_info
        if info.price is None or not info.price.exists or not info.price.is_tax_known or line.price_incl_tax is None:
            continue
        current = info.price.incl_tax
        if current == line.price_incl_tax:
            continue
        if current > line.price_incl_tax:
            messages.append(
                _("The price of %(product)s went up from %(old)s to %(new)s; check your basket and order again.")
                % {
                    "product": line.product.get_title(),
                    "old": format_currency(line.price_incl_tax, line.price_currency),
                    "new": format_currency(current, line.price_currency),
                }
            )
        line.price_excl_tax = info.price.excl_tax
        line.price_incl_tax = current
        line.save(update_fields=["price_excl_tax", "price_incl_tax"])
    return messages
