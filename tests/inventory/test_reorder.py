"""Reorder suggestions, worked through by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from shop.inventory.models import StockMovement, WarehouseStock
from shop.inventory.reorder import suggestions
from shop.inventory.services import receive_stock, reserve_order, set_stock_levels, ship_order_lines

from .conftest import make_order

pytestmark = pytest.mark.django_db


def ship(record, units):
    order = make_order((record, units))
    reserve_order(order)
    ship_order_lines(order, {order.lines.get().pk: units})
    return order


def test_a_computed_example(settings, record, shanghai):
    # given: 8 weeks of history (56 days) with 56 units shipped, and 10 more shipped 70 days ago
    settings.INVENTORY_VELOCITY_WEEKS = 8
    settings.INVENTORY_REORDER_COVER_DAYS = 30
    receive_stock(shanghai, record, 86)
    old = ship(record, 10)
    StockMovement.objects.filter(order=old).update(created_at=timezone.now() - timedelta(days=70))
    ship(record, 56)
    set_stock_levels(WarehouseStock.objects.get(), safety_stock=5, lead_time_days=7)
    today = date(2026, 11, 25)

    # when
    [suggestion] = suggestions(WarehouseStock.objects.all(), today=today)

    # then: velocity 56/56 = 1.00/day; reorder point ⌈1×7⌉+5 = 12; target ⌈1×(7+30)⌉+5 = 42;
    # available 20 → order 22 units, by today + ⌊(20−12)/1⌋ = 8 days
    assert suggestion.shipped == 56
    assert suggestion.daily_velocity == Decimal("1.00")
    assert suggestion.available == 20
    assert suggestion.reorder_point == 12
    assert suggestion.quantity == 22
    assert suggestion.order_by == today + timedelta(days=8)


def test_enough_stock_suggests_nothing(record, shanghai):
    receive_stock(shanghai, record, 500)
    ship(record, 7)
    assert suggestions(WarehouseStock.objects.all()) == []


def test_no_sales_but_below_safety_stock_orders_today(record, shanghai):
    receive_stock(shanghai, record, 2)
    set_stock_levels(WarehouseStock.objects.get(), safety_stock=10, lead_time_days=7)
    today = date(2026, 11, 25)

    [suggestion] = suggestions(WarehouseStock.objects.all(), today=today)

    assert (suggestion.quantity, suggestion.order_by, suggestion.daily_velocity) == (8, today, Decimal("0.00"))
