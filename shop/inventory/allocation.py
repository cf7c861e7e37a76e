"""Which warehouses an order line's units come from: the allocation policy.

``INVENTORY_ALLOCATION_POLICY`` picks one of:

* ``most_stocked`` (default): the warehouse with the most available units first;
* ``nearest``: warehouses in the shipping address's city first, then its country,
  then the rest (most stocked first within each group);
* ``priority``: each warehouse's ``priority`` (lower first), then most stocked.

Allocation is greedy: a line takes what it can from the first warehouse, the
rest from the next, so it is split only when one warehouse cannot cover it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .models import WarehouseStock

POLICIES = ("most_stocked", "nearest", "priority")


def current_policy() -> str:
    policy = getattr(settings, "INVENTORY_ALLOCATION_POLICY", "most_stocked")
    if policy not in POLICIES:
        raise ImproperlyConfigured(f"INVENTORY_ALLOCATION_POLICY must be one of {', '.join(POLICIES)}, not {policy!r}")
    return policy


def destination_of(order: Any) -> tuple[str, str]:
    """(city, country code) of the order's shipping address, lower/upper-cased; empty when unknown."""
    address = getattr(order, "shipping_address", None)
    if address is None:
        return "", ""
    city = (getattr(address, "line4", "") or getattr(address, "city", "") or "").strip().casefold()
    country = str(getattr(address, "country_id", "") or "").upper()
    return city, country


def sort_key(policy: str, destination: tuple[str, str]) -> Callable[[WarehouseStock], tuple]:
    city, country = destination

    def nearness(stock: WarehouseStock) -> int:
        warehouse = stock.warehouse
        if city and warehouse.city.strip().casefold() == city and (not country or warehouse.country == country):
            return 0
        if country and warehouse.country == country:
            return 1
        return 2

    if policy == "nearest":
        return lambda s: (nearness(s), -s.available, s.warehouse.priority, s.pk)
    if policy == "priority":
        return lambda s: (s.warehouse.priority, -s.available, s.pk)
    return lambda s: (-s.available, s.warehouse.priority, s.pk)


def allocate(
    stocks: Sequence[WarehouseStock], quantity: int, *, policy: str, destination: tuple[str, str]
) -> list[tuple[WarehouseStock, int]]:
    """Split ``quantity`` over ``stocks`` by the policy; fewer units than asked if stock runs out."""
    split: list[tuple[WarehouseStock, int]] = []
    remaining = quantity
    for stock in sorted(stocks, key=sort_key(policy, destination)):
        if remaining <= 0:
            break
        take = min(stock.available, remaining)
        if take > 0:
            split.append((stock, take))
            remaining -= take
    return split
