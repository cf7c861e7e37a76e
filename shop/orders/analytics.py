"""Oscar's analytics for a placed order, with a fixed number of queries whatever its number of lines.

Oscar's ``analytics`` receiver of ``order_placed`` updates each line's
``ProductRecord`` with one ``UPDATE`` per line. :func:`record_order` does the
same counting with one ``UPDATE`` for all of the order's products (plus one
insert per product bought for the first time, as Oscar does), and the user's
record as Oscar does. :class:`shop.orders.apps.OrdersConfig` connects it in
place of Oscar's receiver; the ``order_placed`` signal itself is unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Value, When
from oscar.apps.analytics.receivers import _record_user_order
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")


def record_products(order: Any) -> dict[int, int]:
    """Add each product's ordered units to its ``num_purchases``; returns ``{product id: units}``."""
    units: dict[int, int] = defaultdict(int)
    for product_id, quantity in order.lines.values_list("product_id", "quantity"):
        if product_id is not None:
            units[product_id] += quantity
    if not units:
        return {}
    existing = set(ProductRecord.objects.filter(product_id__in=list(units)).values_list("product_id", flat=True))
    for product_id in sorted(set(units) - existing):
        try:
            with transaction.atomic():
                ProductRecord.objects.create(product_id=product_id, num_purchases=units[product_id])
        except IntegrityError:  # created meanwhile by a concurrent order: count on it as Oscar does
            existing.add(product_id)
    if existing:
        ProductRecord.objects.filter(product_id__in=sorted(existing)).update(
            num_purchases=F("num_purchases")
            + Case(*(When(product_id=pk, then=Value(units[pk])) for pk in existing), output_field=IntegerField())
        )
    return dict(units)


def record_order(sender: Any, order: Any, user: Any = None, **kwargs: Any) -> None:
    """``order_placed`` receiver: Oscar's analytics (products bought, the user's orders), batched."""
    if kwargs.get("raw", False):
        return
    record_products(order)
    if user and user.is_authenticated:
        _record_user_order(user, order)
