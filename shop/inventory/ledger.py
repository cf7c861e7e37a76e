"""The stock ledger: every change to warehouse stock is written as a ``StockMovement``.

Rules kept here, in the same transaction as each change:

* a warehouse line's ``quantity`` (on hand) and ``reserved`` equal the sums of
  its movements' ``on_hand_delta`` / ``reserved_delta``;
* on hand never goes below zero and never below what is reserved;
* a stock record with warehouse lines has ``num_in_stock`` = sum of on hand and
  ``num_allocated`` = sum of reserved, so Oscar's availability
  (``num_in_stock - num_allocated``) is what can still be sold.

Locking order (avoids deadlocks): stock records by primary key, then their
warehouse lines by primary key. Every writer here follows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.db.models import F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .models import StockMovement, Warehouse, WarehouseStock

StockRecord = get_model("partner", "StockRecord")

_ID_CHUNK = 500  # keeps ``pk__in`` lists well under every backend's parameter limit
Kind = StockMovement.Kind


class StockError(ValueError):
    """A stock change that would break an inventory rule; nothing was changed."""


class InsufficientStock(StockError):
    """Fewer units are available than an order line asks for."""

    def __init__(self, product: Any, requested: int, available: int) -> None:
        self.product = product
        self.requested = requested
        self.available = max(available, 0)
        super().__init__(product, requested, self.available)

    def __str__(self) -> str:
        return _("Only %(available)s left of %(product)s (you asked for %(requested)s).") % {
            "available": self.available,
            "product": self.product,
            "requested": self.requested,
        }


class StockLine(NamedTuple):
    """The quantity of one stock record in one warehouse, as input to ``set_quantities``."""

    warehouse: Warehouse
    stockrecord: StockRecord
    quantity: int


def whole_units(value: Any, *, allow_zero: bool = False, allow_negative: bool = False) -> int:
    """``value`` as a whole number of units, or ``StockError`` with a clear message."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        raise StockError(_("Enter a whole number of units, not %(value)r.") % {"value": value})
    try:
        number = Decimal(str(value).strip())
    except ArithmeticError:
        raise StockError(_("Enter a whole number of units, not %(value)r.") % {"value": value}) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise StockError(_("Enter a whole number of units, not %(value)s.") % {"value": value})
    units = int(number)
    if units < 0 and not allow_negative:
        raise StockError(_("The quantity must not be negative (got %(value)s).") % {"value": units})
    if units == 0 and not allow_zero:
        raise StockError(_("The quantity must be at least 1."))
    return units


def check_partner(warehouse: Warehouse, stockrecord: StockRecord) -> None:
    if warehouse.partner_id != stockrecord.partner_id:
        raise StockError(
            _("%(warehouse)s belongs to another partner than stock record %(sku)s.")
            % {"warehouse": warehouse.code, "sku": stockrecord.partner_sku}
        )


def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = sorted(set(ids))
    for start in range(0, len(ids), _ID_CHUNK):
        yield ids[start : start + _ID_CHUNK]


def lock_records(stockrecord_ids: Iterable[int]) -> None:
    """Row-lock stock records in primary-key order.

    SQLite has no row locks (a writer locks the whole database), so no query is made there.
    """
    if not connection.features.has_select_for_update:
        return
    for chunk in chunks(stockrecord_ids):
        list(StockRecord.objects.select_for_update().filter(pk__in=chunk).order_by("pk").values_list("pk", flat=True))


def lock_stock(stockrecord_ids: Iterable[int]) -> list[WarehouseStock]:
    """Lock the stock records, then all their warehouse lines; returns the lines with their warehouses."""
    ids = sorted(set(stockrecord_ids))
    lock_records(ids)
    lines: list[WarehouseStock] = []
    for chunk in chunks(ids):
        lines.extend(
            WarehouseStock.objects.select_for_update(of=("self",))
            .select_related("warehouse")
            .filter(stockrecord_id__in=chunk)
            .order_by("pk")
        )
    return lines


def _sum_of_lines(field: str) -> Subquery:
    return Subquery(
        WarehouseStock.objects.filter(stockrecord=OuterRef("pk"))
        .values("stockrecord")
        .annotate(total=Sum(field))
        .values("total")
    )


def sync_num_in_stock(stockrecord_ids: Iterable[int]) -> int:
    """Set ``num_in_stock`` of the given stock records to the sum of their warehouse lines (0 if none),
    and ``num_allocated`` to the sum of their reservations (unchanged for records without lines).

    One UPDATE per 500 records. Returns the number of records updated.
    """
    updated = 0
    now = timezone.now()
    for chunk in chunks(stockrecord_ids):
        updated += StockRecord.objects.filter(pk__in=chunk).update(
            num_in_stock=Coalesce(_sum_of_lines("quantity"), 0),
            num_allocated=Coalesce(_sum_of_lines("reserved"), F("num_allocated")),
            date_updated=now,
        )
    return updated


def stock_drift() -> QuerySet:
    """Stock records with warehouse lines whose ``num_in_stock`` differs from the lines' sum."""
    return (
        StockRecord.objects.filter(warehouse_stock__isnull=False)
        .annotate(warehouse_total=Sum("warehouse_stock__quantity"))
        .exclude(num_in_stock=F("warehouse_total"))
    )


class Ledger:
    """Collects the movements of one stock operation and writes them together.

    ``move`` validates and applies a change to an in-memory (locked) warehouse
    line; ``save`` writes lines, movements, stock records and threshold alerts.
    If ``move`` raises, nothing has been written.
    """

    def __init__(self, *, user: Any = None) -> None:
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.now = timezone.now()
        self.movements: list[StockMovement] = []
        self.stocks: dict[int, WarehouseStock] = {}

    def move(
        self,
        stock: WarehouseStock,
        kind: str,
        quantity: int,
        *,
        on_hand: int = 0,
        reserved: int = 0,
        reason: str = "",
        reference: str = "",
        order: Any = None,
        line: Any = None,
    ) -> StockMovement:
        new_on_hand = stock.quantity + on_hand
        new_reserved = stock.reserved + reserved
        sku = stock.stockrecord.partner_sku if "stockrecord" in stock._state.fields_cache else stock.stockrecord_id
        if new_on_hand < 0:
            raise StockError(
                _("%(warehouse)s: only %(on_hand)s of %(sku)s in stock, cannot remove %(requested)s.")
                % {"warehouse": stock.warehouse.code, "on_hand": stock.quantity, "sku": sku, "requested": -on_hand}
            )
        if new_reserved < 0:
            raise StockError(
                _("%(warehouse)s: only %(reserved)s of %(sku)s are reserved, cannot release %(requested)s.")
                % {"warehouse": stock.warehouse.code, "reserved": stock.reserved, "sku": sku, "requested": -reserved}
            )
        if new_reserved > new_on_hand:
            raise StockError(
                _(
                    "%(warehouse)s: %(reserved)s of %(sku)s are reserved for orders; "
                    "only %(free)s can be removed or reserved."
                )
                % {
                    "warehouse": stock.warehouse.code,
                    "reserved": stock.reserved,
                    "sku": sku,
                    "free": stock.available,
                }
            )
        stock.quantity, stock.reserved = new_on_hand, new_reserved
        self.stocks[stock.pk] = stock
        movement = StockMovement(
            stock=stock,
            kind=kind,
            quantity=quantity,
            on_hand_delta=on_hand,
            reserved_delta=reserved,
            reason=reason[:255],
            reference=reference[:64],
            order=order,
            line=line,
            user=self.user,
            created_at=self.now,
        )
        self.movements.append(movement)
        return movement

    def save(self, *, extra_records: Iterable[int] = ()) -> list[StockMovement]:
        """Write the changed lines and all movements; ``extra_records`` are more stock records to sync."""
        from .alerts import check_thresholds

        stocks = list(self.stocks.values())
        for stock in stocks:
            stock.date_updated = self.now
        if stocks:
            WarehouseStock.objects.bulk_update(stocks, ["quantity", "reserved", "date_updated"], batch_size=500)
        if self.movements:
            StockMovement.objects.bulk_create(self.movements, batch_size=1000)
        records = {stock.stockrecord_id for stock in stocks} | set(extra_records)
        if records:
            sync_num_in_stock(records)
        if stocks:
            check_thresholds(stocks)
        return self.movements


def _line_for(warehouse: Warehouse, stockrecord: StockRecord) -> WarehouseStock:
    """The locked warehouse line (created empty when new). Call with the stock record locked."""
    line, _created = WarehouseStock.objects.select_for_update(of=("self",)).get_or_create(
        warehouse=warehouse, stockrecord=stockrecord
    )
    line.warehouse = warehouse
    line.stockrecord = stockrecord
    return line


def _refresh(stockrecord: StockRecord) -> None:
    stockrecord.refresh_from_db(fields=["num_in_stock", "num_allocated", "date_updated"])


@transaction.atomic
def set_quantity(
    warehouse: Warehouse, stockrecord: StockRecord, quantity: int, *, user: Any = None, reason: str = ""
) -> WarehouseStock:
    """Set the on-hand quantity of a stock record in a warehouse after a stock count (a ``count`` movement)."""
    if isinstance(quantity, int) and not isinstance(quantity, bool) and quantity < 0:
        raise StockError(
            _("%(warehouse)s: quantity must be 0 or more, got %(quantity)s")
            % {"warehouse": warehouse.code, "quantity": quantity}
        )
    quantity = whole_units(quantity, allow_zero=True)
    check_partner(warehouse, stockrecord)
    lock_records([stockrecord.pk])
    line = _line_for(warehouse, stockrecord)
    delta = quantity - line.quantity
    ledger = Ledger(user=user)
    if delta:
        ledger.move(line, Kind.COUNT, abs(delta), on_hand=delta, reason=reason or _("stock count"))
    ledger.save()
    _refresh(stockrecord)
    return line


@transaction.atomic
def receive_stock(
    warehouse: Warehouse,
    stockrecord: StockRecord,
    quantity: int,
    *,
    user: Any = None,
    reference: str = "",
    reason: str = "",
) -> StockMovement:
    """Goods received into a warehouse (a ``receipt`` movement)."""
    quantity = whole_units(quantity)
    check_partner(warehouse, stockrecord)
    lock_records([stockrecord.pk])
    line = _line_for(warehouse, stockrecord)
    ledger = Ledger(user=user)
    movement = ledger.move(line, Kind.RECEIPT, quantity, on_hand=quantity, reason=reason, reference=reference)
    ledger.save()
    _refresh(stockrecord)
    return movement


@transaction.atomic
def adjust_stock(
    warehouse: Warehouse, stockrecord: StockRecord, delta: int, *, reason: str, user: Any = None
) -> StockMovement:
    """Correct on hand by ``delta`` (damage, loss, found goods). A reason is required; on hand never goes
    below zero nor below what is reserved."""
    delta = whole_units(delta, allow_negative=True)
    reason = (reason or "").strip()
    if not reason:
        raise StockError(_("Give a reason for the adjustment."))
    check_partner(warehouse, stockrecord)
    lock_records([stockrecord.pk])
    line = _line_for(warehouse, stockrecord)
    ledger = Ledger(user=user)
    movement = ledger.move(line, Kind.ADJUSTMENT, abs(delta), on_hand=delta, reason=reason)
    ledger.save()
    _refresh(stockrecord)
    return movement


@transaction.atomic
def adjust_quantity(warehouse: Warehouse, stockrecord: StockRecord, delta: int, *, user: Any = None) -> WarehouseStock:
    """Add (goods received) or remove (goods picked) ``delta`` units in a warehouse.

    Raises ``StockError`` when the warehouse holds fewer than ``-delta`` units.
    Kept for existing callers; new code uses ``receive_stock`` / ``adjust_stock``.
    """
    delta = whole_units(delta, allow_negative=True)
    check_partner(warehouse, stockrecord)
    lock_records([stockrecord.pk])
    line = _line_for(warehouse, stockrecord)
    ledger = Ledger(user=user)
    if delta > 0:
        ledger.move(line, Kind.RECEIPT, delta, on_hand=delta)
    else:
        ledger.move(line, Kind.ADJUSTMENT, -delta, on_hand=delta, reason=_("goods picked"))
    ledger.save()
    _refresh(stockrecord)
    return line


@transaction.atomic
def transfer_stock(
    source: Warehouse,
    destination: Warehouse,
    stockrecord: StockRecord,
    quantity: int,
    *,
    user: Any = None,
    reason: str = "",
) -> list[StockMovement]:
    """Move available units between two warehouses of the same company (``transfer_out`` + ``transfer_in``)."""
    quantity = whole_units(quantity)
    if source.pk == destination.pk:
        raise StockError(_("Choose two different warehouses."))
    if source.company_id != destination.company_id:
        raise StockError(_("Stock can only be transferred between warehouses of the same company."))
    check_partner(source, stockrecord)
    check_partner(destination, stockrecord)
    lock_records([stockrecord.pk])
    first, second = sorted([source, destination], key=lambda w: w.pk)
    lines = {w.pk: _line_for(w, stockrecord) for w in (first, second)}
    reference = f"transfer:{source.code}>{destination.code}"
    ledger = Ledger(user=user)
    out = ledger.move(
        lines[source.pk], Kind.TRANSFER_OUT, quantity, on_hand=-quantity, reason=reason, reference=reference
    )
    into = ledger.move(
        lines[destination.pk], Kind.TRANSFER_IN, quantity, on_hand=quantity, reason=reason, reference=reference
    )
    ledger.save()
    return [out, into]


@transaction.atomic
def set_quantities(lines: Iterable[StockLine], batch_size: int = 1000, *, user: Any = None, reason: str = "") -> int:
    """Set many warehouse quantities at once (imports, stock counts, demo data), as ``count`` movements.

    All lines are checked before anything is written; existing quantities are
    overwritten. Returns the number of lines written. The stock records and
    their existing lines are row-locked; new lines are inserted with their
    quantity.
    """
    lines = list(lines)
    for line in lines:
        if isinstance(line.quantity, int) and line.quantity < 0:
            raise StockError(
                _("%(warehouse)s: quantity must be 0 or more, got %(quantity)s")
                % {"warehouse": line.warehouse.code, "quantity": line.quantity}
            )
        whole_units(line.quantity, allow_zero=True)
        check_partner(line.warehouse, line.stockrecord)
    existing: dict[tuple[int, int], WarehouseStock] = {}
    lock_records(line.stockrecord.pk for line in lines)  # the ledger's lock order: records, then lines
    for chunk in chunks(line.stockrecord.pk for line in lines):
        for stock in (
            WarehouseStock.objects.select_for_update(of=("self",))
            .filter(stockrecord_id__in=chunk)
            .select_related("warehouse")
            .order_by("pk")
        ):
            existing[(stock.warehouse_id, stock.stockrecord_id)] = stock
    wanted = {(line.warehouse.pk, line.stockrecord.pk): line for line in lines}  # the last line for a key wins
    fresh = [
        WarehouseStock(warehouse=line.warehouse, stockrecord=line.stockrecord, quantity=int(line.quantity))
        for key, line in wanted.items()
        if key not in existing
    ]
    if fresh:
        WarehouseStock.objects.bulk_create(fresh, batch_size=batch_size)
        if any(stock.pk is None for stock in fresh):  # backends that cannot return ids from a bulk insert
            keys = {(s.warehouse_id, s.stockrecord_id) for s in fresh}
            fresh = [
                s
                for s in WarehouseStock.objects.filter(stockrecord_id__in={k[1] for k in keys})
                if (s.warehouse_id, s.stockrecord_id) in keys
            ]
    ledger = Ledger(user=user)
    reason = reason or _("stock count")
    for key, line in wanted.items():
        stock = existing.get(key)
        if stock is None:
            continue
        stock.stockrecord = line.stockrecord
        delta = int(line.quantity) - stock.quantity
        if delta:
            ledger.move(stock, Kind.COUNT, abs(delta), on_hand=delta, reason=reason)
    ledger.movements += [
        StockMovement(
            stock=stock,
            kind=Kind.COUNT,
            quantity=stock.quantity,
            on_hand_delta=stock.quantity,
            reason=reason,
            user=ledger.user,
            created_at=ledger.now,
        )
        for stock in fresh
        if stock.quantity
    ]
    ledger.save(extra_records={stock.stockrecord_id for stock in fresh})
    return len(lines)
