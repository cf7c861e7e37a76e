"""Stock promised to orders: reserve on placing, release on cancel/expiry, consume on shipping, returns.

These functions are the contract with the order workflow (``shop.orders`` /
``shop.apps.checkout``). They run inside the caller's transaction, lock stock
rows in the ledger's order (stock records, then warehouse lines, by primary
key) and either write everything or raise ``StockError`` having written nothing.

Order lines whose stock record has **no warehouse lines** are not managed here:
they are skipped (no reservation, no movement) and keep Oscar's own
``num_in_stock`` / ``num_allocated`` handling by the order creator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from . import signals
from .allocation import allocate, current_policy, destination_of
from .ledger import InsufficientStock, Kind, Ledger, StockError, check_partner, lock_stock, whole_units
from .models import Reservation, StockMovement, Warehouse, WarehouseStock

_OPEN = {"quantity__gt": F("shipped") + F("released")}


def _lines_of(order: Any, line_ids: Iterable[int] | None = None) -> list:
    lines = order.lines.select_related("product", "stockrecord").order_by("pk")
    if line_ids is not None:
        lines = lines.filter(pk__in=list(line_ids))
    return list(lines)


def _line_label(line: Any) -> Any:
    return line.product if line.product_id else line.title


def _quantities(order: Any, quantities: Mapping[int, Any]) -> dict[Any, int]:
    """``{line: units}`` for a ``{line id: units}`` mapping, all checked; ``StockError`` on bad input."""
    if not isinstance(quantities, Mapping) or not quantities:
        raise StockError(_("Give at least one order line and quantity."))
    wanted: dict[int, int] = {}
    for key, value in quantities.items():
        try:
            line_id = int(key)
        except (TypeError, ValueError):
            raise StockError(_("%(line)r is not an order line.") % {"line": key}) from None
        wanted[line_id] = whole_units(value)
    lines = {line.pk: line for line in _lines_of(order, wanted)}
    unknown = sorted(set(wanted) - set(lines))
    if unknown:
        raise StockError(
            _("Order %(order)s has no line %(lines)s.")
            % {"order": order.number, "lines": ", ".join(str(i) for i in unknown)}
        )
    return {lines[line_id]: units for line_id, units in wanted.items()}


def _open_reservations(order: Any, line_ids: Iterable[int] | None = None) -> list[Reservation]:
    qs = Reservation.objects.select_for_update(of=("self",)).filter(order=order)
    if line_ids is not None:
        qs = qs.filter(line_id__in=list(line_ids))
    return list(qs.order_by("pk"))


def reserve_order(order: Any, *, user: Any = None, expires_at: datetime | None = None) -> list[Reservation]:
    """Reserve stock for every warehouse-managed line of ``order``; call inside the order's transaction.

    Each line's missing units (ordered − already reserved − shipped) are allocated
    across the partner's warehouses by ``INVENTORY_ALLOCATION_POLICY``. Calling it
    again for the same order reserves nothing twice. Raises ``InsufficientStock``
    (nothing written) when a line cannot be covered. ``expires_at=None``: the
    reservation never expires. Returns the order's open reservations.
    """
    lines = _lines_of(order)
    with transaction.atomic():
        stocks = lock_stock(line.stockrecord_id for line in lines if line.stockrecord_id)
        pools: dict[int, list[WarehouseStock]] = defaultdict(list)
        for stock in stocks:
            pools[stock.stockrecord_id].append(stock)
        held: dict[int, int] = defaultdict(int)
        for reservation in _open_reservations(order):
            held[reservation.line_id] += reservation.quantity - reservation.released
        policy, destination = current_policy(), destination_of(order)
        ledger = Ledger(user=user)
        created: list[Reservation] = []
        for line in lines:
            pool = pools.get(line.stockrecord_id)
            needed = line.quantity - held[line.pk]
            if not pool or needed <= 0:
                continue
            split = allocate(pool, needed, policy=policy, destination=destination)
            if sum(units for _stock, units in split) < needed:
                raise InsufficientStock(_line_label(line), needed, sum(stock.available for stock in pool))
            for stock, units in split:
                ledger.move(
                    stock, Kind.RESERVATION, units, reserved=units, reference=order.number, order=order, line=line
                )
                created.append(
                    Reservation(
                        stock=stock,
                        order=order,
                        line=line,
                        quantity=units,
                        expires_at=expires_at,
                        created_at=ledger.now,
                    )
                )
        ledger.save()
        Reservation.objects.bulk_create(created)
        return list(Reservation.objects.filter(order=order, **_OPEN).select_related("stock__warehouse"))


def _release(reservations: list[Reservation], stocks: dict[int, WarehouseStock], *, reason: str, user: Any) -> int:
    ledger = Ledger(user=user)
    released = 0
    for reservation in reservations:
        units = reservation.open_quantity
        if units <= 0:
            continue
        ledger.move(
            stocks[reservation.stock_id],
            Kind.RELEASE,
            units,
            reserved=-units,
            reason=reason,
            reference=reservation.order.number,
            order=reservation.order,
            line=reservation.line,
        )
        reservation.released += units
        released += units
    ledger.save()
    Reservation.objects.bulk_update(reservations, ["released"])
    return released


def release_order(order: Any, *, lines: Iterable[Any] | None = None, reason: str, user: Any = None) -> int:
    """Release what is still reserved for ``order`` (or only for ``lines``: line objects or ids); returns units."""
    reason = (reason or "").strip()
    if not reason:
        raise StockError(_("Give a reason for releasing the reservation."))
    line_ids = None if lines is None else [getattr(line, "pk", line) for line in lines]
    with transaction.atomic():
        record_ids = (
            Reservation.objects.filter(order=order, **_OPEN)
            .filter(**({} if line_ids is None else {"line_id__in": line_ids}))
            .values_list("stock__stockrecord_id", flat=True)
        )
        stocks = {stock.pk: stock for stock in lock_stock(record_ids)}
        reservations = [r for r in _open_reservations(order, line_ids) if r.open_quantity > 0]
        for reservation in reservations:
            reservation.order = order
        return _release(reservations, stocks, reason=reason, user=user)


def release_expired_reservations(now: datetime | None = None) -> int:
    """Release every open reservation whose ``expires_at`` has passed; returns units released.

    Sends ``signals.reservation_expired`` once per order, after its release, inside the transaction.
    """
    now = now or timezone.now()
    order_ids = Reservation.objects.filter(expires_at__lte=now, **_OPEN).values_list("order_id", flat=True).distinct()
    total = 0
    for order_id in sorted(set(order_ids)):
        with transaction.atomic():
            records = Reservation.objects.filter(order_id=order_id, expires_at__lte=now, **_OPEN).values_list(
                "stock__stockrecord_id", flat=True
            )
            stocks = {stock.pk: stock for stock in lock_stock(records)}
            reservations = list(
                Reservation.objects.select_for_update(of=("self",))
                .select_related("order", "line")
                .filter(order_id=order_id, expires_at__lte=now, **_OPEN)
                .order_by("pk")
            )
            if not reservations:
                continue
            units = _release(reservations, stocks, reason=_("reservation expired"), user=None)
            total += units
            signals.reservation_expired.send(sender=Reservation, order=reservations[0].order, units=units)
    return total


def ship_order_lines(order: Any, quantities: Mapping[int, int], *, user: Any = None) -> list[StockMovement]:
    """Ship ``{line id: units}`` now, consuming the lines' reservations (``shipment`` movements).

    Refuses (``StockError``, nothing written) more than ordered minus already
    shipped, or more than is still reserved for a warehouse-managed line.
    """
    wanted = _quantities(order, quantities)
    with transaction.atomic():
        stocks = {
            stock.pk: stock for stock in lock_stock(line.stockrecord_id for line in wanted if line.stockrecord_id)
        }
        by_line: dict[int, list[Reservation]] = defaultdict(list)
        for reservation in _open_reservations(order, [line.pk for line in wanted]):
            by_line[reservation.line_id].append(reservation)
        ledger = Ledger(user=user)
        changed: list[Reservation] = []
        for line, units in wanted.items():
            reservations = by_line[line.pk]
            shipped = sum(r.shipped for r in reservations)
            left = line.quantity - shipped
            if units > left:
                raise StockError(
                    _("%(product)s: %(left)s of %(ordered)s left to ship, cannot ship %(units)s.")
                    % {"product": _line_label(line), "left": left, "ordered": line.quantity, "units": units}
                )
            managed = any(s.stockrecord_id == line.stockrecord_id for s in stocks.values())
            if not managed:
                continue
            reserved = sum(r.open_quantity for r in reservations)
            if units > reserved:
                raise StockError(
                    _("%(product)s: only %(reserved)s reserved, cannot ship %(units)s.")
                    % {"product": _line_label(line), "reserved": reserved, "units": units}
                )
            remaining = units
            for reservation in reservations:
                take = min(reservation.open_quantity, remaining)
                if take <= 0:
                    continue
                ledger.move(
                    stocks[reservation.stock_id],
                    Kind.SHIPMENT,
                    take,
                    on_hand=-take,
                    reserved=-take,
                    reference=order.number,
                    order=order,
                    line=line,
                )
                reservation.shipped += take
                changed.append(reservation)
                remaining -= take
        movements = ledger.save()
        Reservation.objects.bulk_update(changed, ["shipped"])
        return movements


def return_order_lines(
    order: Any,
    quantities: Mapping[int, int],
    *,
    reason: str,
    user: Any = None,
    warehouse: Warehouse | None = None,
) -> list[StockMovement]:
    """Put returned units back on hand (``return`` movements), at most what was shipped and not yet returned.

    The units go to ``warehouse`` if given (it must be the line's partner's),
    else to the warehouse the line was shipped from.
    """
    reason = (reason or "").strip()
    if not reason:
        raise StockError(_("Give a reason for the return."))
    wanted = _quantities(order, quantities)
    with transaction.atomic():
        stocks = lock_stock(line.stockrecord_id for line in wanted if line.stockrecord_id)
        reservations = Reservation.objects.filter(order=order, line__in=list(wanted), shipped__gt=0).order_by("pk")
        shipped_from: dict[int, list[int]] = defaultdict(list)
        shipped: dict[int, int] = defaultdict(int)
        for reservation in reservations:
            shipped_from[reservation.line_id].append(reservation.stock_id)
            shipped[reservation.line_id] += reservation.shipped
        returned = dict(
            StockMovement.objects.filter(line__in=list(wanted), kind=Kind.RETURN)
            .values("line")
            .annotate(units=Sum("quantity"))
            .values_list("line", "units")
        )
        ledger = Ledger(user=user)
        for line, units in wanted.items():
            if not any(s.stockrecord_id == line.stockrecord_id for s in stocks):
                continue  # not warehouse-managed: Oscar's stock record handles it
            returnable = shipped[line.pk] - returned.get(line.pk, 0)
            if units > returnable:
                raise StockError(
                    _("%(product)s: %(returnable)s shipped and not yet returned, cannot return %(units)s.")
                    % {"product": _line_label(line), "returnable": returnable, "units": units}
                )
            if warehouse is not None:
                check_partner(warehouse, line.stockrecord)
                target = next(
                    (s for s in stocks if s.warehouse_id == warehouse.pk and s.stockrecord_id == line.stockrecord_id),
                    None,
                )
                if target is None:
                    target, _created = WarehouseStock.objects.get_or_create(
                        warehouse=warehouse, stockrecord=line.stockrecord
                    )
                    target.warehouse = warehouse
                    stocks.append(target)
            else:
                target = next(s for s in stocks if s.pk == shipped_from[line.pk][0])
            ledger.move(
                target, Kind.RETURN, units, on_hand=units, reason=reason, reference=order.number, order=order, line=line
            )
        return ledger.save()


def allocations_for_order(order: Any) -> dict[int, list[tuple[Warehouse, int]]]:
    """``{line id: [(warehouse, units still reserved there), …]}`` — the per-warehouse fulfilment split."""
    split: dict[int, list[tuple[Warehouse, int]]] = defaultdict(list)
    for reservation in (
        Reservation.objects.filter(order=order, **_OPEN).select_related("stock__warehouse").order_by("line_id", "pk")
    ):
        split[reservation.line_id].append((reservation.stock.warehouse, reservation.open_quantity))
    return dict(split)
