"""The order side of the inventory contract: every stock effect of an order goes through here.

Reservations are made, released, consumed and reversed by
:mod:`shop.inventory.services` (``reserve_order``, ``release_order``,
``ship_order_lines``, ``return_order_lines``, ``allocations_for_order``);
this module only adapts the order lifecycle's calls to them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from shop.inventory import services as inventory
from shop.inventory.models import Reservation


def reserve(order: Any, *, user: Any = None, expires_at: datetime | None = None) -> list:
    """Reserve the order's lines; raises ``InsufficientStock`` (nothing written). Call inside the placement
    transaction. ``expires_at``: when the inventory releases them unless :func:`hold` is called."""
    return inventory.reserve_order(order, user=_user(user), expires_at=expires_at)


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
