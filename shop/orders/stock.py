"""The order side of the inventory contract: every stock effect of an order goes through here.

Reservations are made, released, consumed and reversed by
:mod:`shop.inventory.services` (``reserve_order``, ``release_order``,
``ship_order_lines``, ``return_order_lines``, ``allocations_for_order``);
this module only adapts the order lifecycle's calls to them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from shop.inventory import services as inventory
from shop.inventory.models import Reservation

StockRecord = get_model("partner", "StockRecord")
StockAlert = get_model("partner", "StockAlert")
ProductAlert = get_model("customer", "ProductAlert")


def reserve(order: Any, *, user: Any = None, expires_at: datetime | None = None) -> list:
    """Reserve the order's lines; raises ``InsufficientStock`` (nothing written). Call inside the placement
    transaction. ``expires_at``: when the inventory releases them unless :func:`hold` is called."""
    return inventory.reserve_order(order, user=_user(user), expires_at=expires_at)


def records_changed(order: Any) -> list[int]:
    """Once for all stock records of ``order`` whose product class tracks stock, after placement changed their
    allocation: what Oscar's ``StockRecord.post_save`` receivers do for each record (open or close its
    low-stock ``StockAlert``, send "back in stock" alerts when ``OSCAR_EAGER_ALERTS``, re-index the products for
    search). Three queries, whatever the number of lines. Returns the records' ids."""
    records = [
        record
        for record in StockRecord.objects.filter(pk__in=order.lines.values("stockrecord_id")).select_related(
            "product__product_class", "product__parent__product_class"
        )
        if record.product.get_product_class().track_stock
    ]
    if not records:
        return []
    open_alerts = {
        alert.stockrecord_id: alert
        for alert in StockAlert.objects.filter(stockrecord__in=records, status=StockAlert.OPEN)
    }
    new_alerts = [
        StockAlert(stockrecord=record, threshold=record.low_stock_threshold)
        for record in records
        if record.is_below_threshold and record.pk not in open_alerts
    ]
    resolved = [record.pk for record in records if not record.is_below_threshold and record.pk in open_alerts]
    if new_alerts:
        StockAlert.objects.bulk_create(new_alerts)
    if resolved:
        StockAlert.objects.filter(pk__in=[open_alerts[pk].pk for pk in resolved]).update(
            status=StockAlert.CLOSED, date_closed=timezone.now()
        )
    product_ids = {pk for record in records for pk in (record.product_id, record.product.parent_id) if pk}
    if getattr(settings, "OSCAR_EAGER_ALERTS", True):
        waiting = set(
            ProductAlert.objects.filter(product_id__in=product_ids, status=ProductAlert.ACTIVE).values_list(
                "product_id", flat=True
            )
        )
        if waiting:
            dispatcher = get_class("customer.alerts.utils", "AlertsDispatcher")()
            for product in {r.product for r in records if {r.product_id, r.product.parent_id} & waiting}:
                dispatcher.send_product_alert_email_for_user(product)
    from shop.apps.search.receivers import schedule

    schedule(product_ids)
    return [record.pk for record in records]


def hold(order: Any) -> int:
    """Keep the order's open reservations until shipped or released (the order was paid)."""
    return Reservation.objects.filter(order=order, expires_at__isnull=False).update(expires_at=None)


def release(order: Any, *, lines: list | None = None, reason: str, user: Any = None) -> int:
    """Release what is still reserved for ``lines`` (all lines when None); returns the units released."""
    return inventory.release_order(order, lines=lines, reason=reason, user=_user(user))


def ship(order: Any, quantities: dict[int, int], *, user: Any = None) -> list:
    """Consume the reservations of the shipped quantities (line id → units)."""
    return inventory.ship_order_lines(order, quantities, user=_user(user))


def put_back(order: Any, quantities: dict[int, int], *, reason: str, user: Any = None) -> list:
    """Returned units go back into stock (line id → units)."""
    return inventory.return_order_lines(order, quantities, reason=reason, user=_user(user))


def allocations(order: Any) -> dict[int, list[tuple[Any, int]]]:
    """Line id → [(warehouse, units reserved there)], for the per-warehouse picking split."""
    return inventory.allocations_for_order(order)


def insufficient_stock_error() -> type[Exception]:
    return inventory.InsufficientStock


def stock_error() -> type[Exception]:
    return inventory.StockError


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None
