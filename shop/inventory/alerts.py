"""Low-stock thresholds: one alert per crossing, re-armed when stock is back at or above the threshold.

A warehouse line remembers whether it is below its threshold
(``below_threshold``). Only the change from "at or above" to "below" raises a
``StockAlert`` (dashboard) and queues an email; staying below, or page views,
raise nothing. Rising back resolves the open alert and re-arms the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import signals
from .ledger import StockError, lock_records, whole_units
from .models import StockAlert, WarehouseStock


def check_thresholds(stocks: Iterable[WarehouseStock]) -> list[StockAlert]:
    """Raise or resolve alerts for these (locked, just saved) lines; returns the alerts raised."""
    from .tasks import notify_low_stock

    now = timezone.now()
    raised: list[StockAlert] = []
    rearmed: list[int] = []
    flipped: list[WarehouseStock] = []
    for stock in stocks:
        if stock.low_stock_threshold is None:
            continue
        below = stock.quantity - stock.reserved < stock.low_stock_threshold
        if below and not stock.below_threshold:
            raised.append(
                StockAlert(
                    stock=stock,
                    available=stock.quantity - stock.reserved,
                    threshold=stock.low_stock_threshold,
                    created_at=now,
                )
            )
        elif not below and stock.below_threshold:
            rearmed.append(stock.pk)
        else:
            continue
        stock.below_threshold = below
        flipped.append(stock)
    if flipped:
        WarehouseStock.objects.bulk_update(flipped, ["below_threshold"])
    if rearmed:
        StockAlert.objects.filter(stock_id__in=rearmed, resolved_at__isnull=True).update(resolved_at=now)
    if raised:
        StockAlert.objects.bulk_create(raised)
        for alert in raised:
            signals.stock_low.send(sender=StockAlert, alert=alert)
            transaction.on_commit(lambda pk=alert.pk: notify_low_stock.delay(pk))
    return raised


@transaction.atomic
def set_stock_levels(
    stock: WarehouseStock,
    *,
    low_stock_threshold: Any = None,
    safety_stock: Any = 0,
    lead_time_days: Any = 14,
) -> WarehouseStock:
    """Set a line's threshold (``None``: no alerts), safety stock and lead time; alerts if already below."""
    threshold = None if low_stock_threshold in (None, "") else whole_units(low_stock_threshold, allow_zero=True)
    safety = whole_units(safety_stock, allow_zero=True)
    lead_time = whole_units(lead_time_days, allow_zero=True)
    if lead_time > 365:
        raise StockError(_("The lead time must be at most 365 days."))
    lock_records([stock.stockrecord_id])
    locked = WarehouseStock.objects.select_for_update(of=("self",)).get(pk=stock.pk)
    locked.low_stock_threshold, locked.safety_stock, locked.lead_time_days = threshold, safety, lead_time
    if threshold is None and locked.below_threshold:
        locked.below_threshold = False
        StockAlert.objects.filter(stock=locked, resolved_at__isnull=True).update(resolved_at=timezone.now())
    locked.save(update_fields=["low_stock_threshold", "safety_stock", "lead_time_days", "below_threshold"])
    check_thresholds([locked])
    return locked
