"""Proof that stock levels are the sum of the ledger (used by ``manage.py inventory_check``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from django.db.models import F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
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


def _sum(qs, field: str) -> Coalesce:
    return Coalesce(
        Subquery(qs.values("stock").annotate(total=Sum(field)).values("total"), output_field=IntegerField()), 0
    )


def line_drift(progress: Callable[[int], None] | None = None) -> Iterator[Drift]:
    """Warehouse lines whose on hand / reserved differ from their movements or their open reservations."""
    movements = StockMovement.objects.filter(stock=OuterRef("pk"))
    reservations = Reservation.objects.filter(stock=OuterRef("pk"))
    last = 0
    while True:
        rows = list(
            WarehouseStock.objects.filter(pk__gt=last)
            .order_by("pk")
            .annotate(
                ledger_on_hand=_sum(movements, "on_hand_delta"),
                ledger_reserved=_sum(movements, "reserved_delta"),
                held=_sum(reservations, "quantity") - _sum(reservations, "shipped") - _sum(reservations, "released"),
            )
            .values_list(
                "pk",
                "warehouse__code",
                "stockrecord__partner_sku",
                "quantity",
                "reserved",
                "ledger_on_hand",
                "ledger_reserved",
                "held",
            )[:CHUNK]
        )
        if not rows:
            return
        for pk, code, sku, on_hand, reserved, ledger_on_hand, ledger_reserved, held in rows:
            key = f"{code}/{sku} (line {pk})"
            if on_hand != ledger_on_hand:
                yield Drift("on hand ≠ ledger", key, on_hand, ledger_on_hand)
            if reserved != ledger_reserved:
                yield Drift("reserved ≠ ledger", key, reserved, ledger_reserved)
            if reserved != held:
                yield Drift("reserved ≠ open reservations", key, reserved, held)
        last = rows[-1][0]
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
