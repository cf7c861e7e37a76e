"""Proof that stock levels are the sum of the ledger (used by ``manage.py inventory_check``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from django.db.models import F, Q, Sum
from oscar.core.loading import get_model

from .models import Reservation, StockMovement, WarehouseStock

StockRecord = get_model("partner", "StockRecord")

CHUNK = 2000


class Drift(NamedTuple):
    """One disagreement: what is stored and what the ledger (or the lines) add up to."""

    what: str
    key: str
    stored: int
    expected: int


def line_drift(progress: Callable[[int], None] | None = None) -> Iterator[Drift]:
    """Warehouse lines whose on hand / reserved differ from their movements or their open reservations.

    Works through the lines in primary-key chunks; per chunk one query for the lines and one grouped
    query each over their movements and reservations (no correlated subqueries, so it stays linear).
    """
    last = 0
    while True:
        rows = list(
            WarehouseStock.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "warehouse__code", "stockrecord__partner_sku", "quantity", "reserved")[:CHUNK]
        )
        if not rows:
            return
        ids = [row[0] for row in rows]
        ledger = {
            stock: (on_hand or 0, reserved or 0)
            for stock, on_hand, reserved in StockMovement.objects.filter(stock_id__in=ids)
            .values("stock")
            .annotate(on_hand=Sum("on_hand_delta"), reserved=Sum("reserved_delta"))
            .values_list("stock", "on_hand", "reserved")
        }
        held = dict(
            Reservation.objects.filter(stock_id__in=ids)
            .values("stock")
            .annotate(units=Sum(F("quantity") - F("shipped") - F("released")))
            .values_list("stock", "units")
        )
        for pk, code, sku, on_hand, reserved in rows:
            key = f"{code}/{sku} (line {pk})"
            ledger_on_hand, ledger_reserved = ledger.get(pk, (0, 0))
            if on_hand != ledger_on_hand:
                yield Drift("on hand ≠ ledger", key, on_hand, ledger_on_hand)
            if reserved != ledger_reserved:
                yield Drift("reserved ≠ ledger", key, reserved, ledger_reserved)
            if reserved != (held.get(pk) or 0):
                yield Drift("reserved ≠ open reservations", key, reserved, held.get(pk) or 0)
        last = ids[-1]
        if progress:
            progress(len(rows))


def record_drift() -> Iterator[Drift]:
    """Stock records whose num_in_stock / num_allocated differ from the sums of their warehouse lines."""
    rows = (
        StockRecord.objects.filter(warehouse_stock__isnull=False)
        .annotate(on_hand=Sum("warehouse_stock__quantity"), reserved=Sum("warehouse_stock__reserved"))
        .filter(~Q(num_in_stock=F("on_hand")) | ~Q(num_allocated=F("reserved")))
        .values_list("partner_sku", "num_in_stock", "on_hand", "num_allocated", "reserved")
    )
    for sku, num_in_stock, on_hand, num_allocated, reserved in rows:
        if num_in_stock != on_hand:
            yield Drift("stock record num_in_stock ≠ warehouses", sku, num_in_stock, on_hand)
        if (num_allocated or 0) != reserved:
            yield Drift("stock record num_allocated ≠ reserved", sku, num_allocated or 0, reserved)
