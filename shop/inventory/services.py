"""The inventory's public services: the stock ledger, reservations for orders, thresholds.

Import from here. Every change to warehouse stock is a ``StockMovement`` (see
:mod:`shop.inventory.ledger`); orders reserve, release, ship and return through
:mod:`shop.inventory.reservations`; allocation across warehouses follows
``INVENTORY_ALLOCATION_POLICY`` (:mod:`shop.inventory.allocation`).
"""

from __future__ import annotations

from .alerts import check_thresholds, set_stock_levels
from .ledger import (
    InsufficientStock,
    StockError,
    StockLine,
    adjust_quantity,
    adjust_stock,
    receive_stock,
    set_quantities,
    set_quantity,
    stock_drift,
    sync_num_in_stock,
    transfer_stock,
    whole_units,
)
from .reservations import (
    allocations_for_order,
    release_expired_reservations,
    release_order,
    reserve_order,
    return_order_lines,
    ship_order_lines,
)

__all__ = [
    "InsufficientStock",
    "StockError",
    "StockLine",
    "adjust_quantity",
    "adjust_stock",
    "allocations_for_order",
    "check_thresholds",
    "receive_stock",
    "release_expired_reservations",
    "release_order",
    "reserve_order",
    "return_order_lines",
    "set_quantities",
    "set_quantity",
    "set_stock_levels",
    "ship_order_lines",
    "stock_drift",
    "sync_num_in_stock",
    "transfer_stock",
    "whole_units",
]
