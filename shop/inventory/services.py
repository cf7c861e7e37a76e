"""Stock per warehouse, and the rule that ties it to Oscar's stock record.

The rule: a stock record with warehouse lines has ``num_in_stock`` equal to the
sum of their quantities. Every change to a line goes through this module, which
re-computes the sum in the same transaction; callers never write
``num_in_stock`` of such a record themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from django.db import transaction
from django.db.models import F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from .models import Warehouse, WarehouseStock

StockRecord = get_model("partner", "StockRecord")

_ID_CHUNK = 500  # keeps ``pk__in`` lists well under every backend's parameter limit


class StockError(ValueError):
    """A stock change that would break an inventory rule; nothing was changed."""


class StockLine(NamedTuple):
    """The quantity of one stock record in one warehouse, as input to ``set_quantities``."""

    warehouse: Warehouse
    stockrecord: StockRecord
    quantity: int


def _check_partner(warehouse: Warehouse, stockrecord: StockRecord) -> None:
    if warehouse.partner_id != stockrecord.partner_id:
        raise StockError(
            f"{warehouse.code}: belongs to another partner than stock record {stockrecord.partner_sku!r}"
        )


def _check(warehouse: Warehouse, stockrecord: StockRecord, quantity: int) -> None:
    if quantity < 0:
        raise StockError(f"{warehouse.code}: quantity must be 0 or more, got {quantity}")
    _check_partner(warehouse, stockrecord)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = sorted(set(ids))
    for start in range(0, len(ids), _ID_CHUNK):
        yield ids[start : start + _ID_CHUNK]


def _warehouse_sum() -> Coalesce:
    per_record = (
        WarehouseStock.objects.filter(stockrecord=OuterRef("pk"))
        .values("stockrecord")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(per_record), 0)


def sync_num_in_stock(stockrecord_ids: Iterable[int]) -> int:
    """Set ``num_in_stock`` of the given stock records to the sum of their warehouse lines (0 if none).

    One UPDATE per 500 records. Returns the number of records updated.
    """
    updated = 0
    now = timezone.now()
    for chunk in _chunks(stockrecord_ids):
        updated += StockRecord.objects.filter(pk__in=chunk).update(num_in_stock=_warehouse_sum(), date_updated=now)
    return updated


def stock_drift() -> QuerySet:
    """Stock records with warehouse lines whose ``num_in_stock`` differs from the lines' sum."""
    return (
        StockRecord.objects.filter(warehouse_stock__isnull=False)
        .annotate(warehouse_total=Sum("warehouse_stock__quantity"))
        .exclude(num_in_stock=F("warehouse_total"))
    )


@transaction.atomic
def set_quantity(warehouse: Warehouse, stockrecord: StockRecord, quantity: int) -> WarehouseStock:
    """Set the quantity of a stock record in a warehouse (e.g. after a stock count)."""
    _check(warehouse, stockrecord, quantity)
    StockRecord.objects.select_for_update().filter(pk=stockrecord.pk).first()
    line, _ = WarehouseStock.objects.update_or_create(
        warehouse=warehouse, stockrecord=stockrecord, defaults={"quantity": quantity}
    )
    sync_num_in_stock([stockrecord.pk])
    stockrecord.refresh_from_db(fields=["num_in_stock", "date_updated"])
    return line


@transaction.atomic
def adjust_quantity(warehouse: Warehouse, stockrecord: StockRecord, delta: int) -> WarehouseStock:
    """Add (goods received) or remove (goods picked) ``delta`` units in a warehouse.

    Raises ``StockError`` when the warehouse holds fewer than ``-delta`` units.
    Concurrent adjustments of one stock record are serialised by a row lock.
    """
    _check_partner(warehouse, stockrecord)
    StockRecord.objects.select_for_update().filter(pk=stockrecord.pk).first()
    line, _ = WarehouseStock.objects.select_for_update().get_or_create(warehouse=warehouse, stockrecord=stockrecord)
    if line.quantity + delta < 0:
        raise StockError(
            f"{warehouse.code}: only {line.quantity} of {stockrecord.partner_sku!r} in stock, cannot remove {-delta}"
        )
    line.quantity += delta
    line.save(update_fields=["quantity", "date_updated"])
    sync_num_in_stock([stockrecord.pk])
    stockrecord.refresh_from_db(fields=["num_in_stock", "date_updated"])
    return line


@transaction.atomic
def set_quantities(lines: Iterable[StockLine], batch_size: int = 1000) -> int:
    """Set many warehouse quantities at once (imports, stock counts, demo data).

    All lines are checked before anything is written; existing lines are
    overwritten. Returns the number of lines written.
    """
    lines = list(lines)
    for line in lines:
        _check(line.warehouse, line.stockrecord, line.quantity)
    rows = [
        WarehouseStock(warehouse=line.warehouse, stockrecord=line.stockrecord, quantity=line.quantity)
        for line in lines
    ]
    WarehouseStock.objects.bulk_create(
        rows,
        batch_size=batch_size,
        update_conflicts=True,
        unique_fields=["warehouse", "stockrecord"],
        update_fields=["quantity", "date_updated"],
    )
    sync_num_in_stock(line.stockrecord.pk for line in lines)
    return len(rows)
