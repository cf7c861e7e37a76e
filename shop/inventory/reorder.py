"""Reorder suggestions from sales velocity, lead time and safety stock.

For each warehouse line, over the last ``INVENTORY_VELOCITY_WEEKS`` weeks:

* daily velocity ``v`` = units shipped (``shipment`` movements) ÷ days in the window;
* reorder point = ⌈v × lead time⌉ + safety stock;
* target = ⌈v × (lead time + ``INVENTORY_REORDER_COVER_DAYS``)⌉ + safety stock;
* suggested quantity = target − available (nothing when ≤ 0);
* order by = today + ⌊(available − reorder point) ÷ v⌋, never before today (today when ``v`` is 0
  and available is below the safety stock).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

from .models import StockMovement, WarehouseStock


@dataclass(frozen=True)
class ReorderSuggestion:
    stock: WarehouseStock
    shipped: int
    daily_velocity: Decimal
    available: int
    reorder_point: int
    quantity: int
    order_by: date

    @property
    def is_due(self) -> bool:
        return self.order_by <= timezone.localdate()


def shipped_units(stock_ids: list[int], since) -> dict[int, int]:
    """Units shipped per warehouse line since ``since``."""
    rows = (
        StockMovement.objects.filter(stock_id__in=stock_ids, kind=StockMovement.Kind.SHIPMENT, created_at__gte=since)
        .values("stock")
        .annotate(units=Sum("quantity"))
        .values_list("stock", "units")
    )
    return dict(rows)


def suggest(
    stock: WarehouseStock, shipped: int, *, days: int, cover_days: int, today: date
) -> ReorderSuggestion | None:
    """The suggestion for one line given its shipped units over ``days``; ``None`` when nothing is needed."""
    velocity = Decimal(shipped) / Decimal(days)
    available = stock.quantity - stock.reserved
    reorder_point = math.ceil(velocity * stock.lead_time_days) + stock.safety_stock
    target = math.ceil(velocity * (stock.lead_time_days + cover_days)) + stock.safety_stock
    quantity = target - available
    if quantity <= 0:
        return None
    if velocity > 0:
        days_left = max(0, math.floor((available - reorder_point) / velocity))
    else:
        days_left = 0
    return ReorderSuggestion(
        stock=stock,
        shipped=shipped,
        daily_velocity=velocity.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        available=available,
        reorder_point=reorder_point,
        quantity=quantity,
        order_by=today + timedelta(days=days_left),
    )


def suggestions(
    stocks: QuerySet, *, today: date | None = None, weeks: int | None = None, cover_days: int | None = None
) -> list[ReorderSuggestion]:
    """Suggestions for the given warehouse lines, soonest first."""
    today = today or timezone.localdate()
    weeks = weeks or settings.INVENTORY_VELOCITY_WEEKS
    cover_days = settings.INVENTORY_REORDER_COVER_DAYS if cover_days is None else cover_days
    days = weeks * 7
    lines = list(stocks.select_related("warehouse", "stockrecord__product", "stockrecord__partner"))
    since = timezone.now() - timedelta(days=days)
    shipped = shipped_units([line.pk for line in lines], since)
    found = [
        suggestion
        for line in lines
        if (suggestion := suggest(line, shipped.get(line.pk, 0), days=days, cover_days=cover_days, today=today))
    ]
    return sorted(found, key=lambda s: (s.order_by, -s.quantity, s.stock.pk))
