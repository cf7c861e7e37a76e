"""Reservations never oversell: buyers in parallel processes, each with its own PostgreSQL connection."""

from __future__ import annotations

import multiprocessing
import os
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction
from oscar.core.loading import get_model
from oscar.test import factories

from shop.inventory.models import Reservation, Warehouse, WarehouseStock
from shop.inventory.services import set_quantity

from .conftest import make_order

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db(transaction=True)

BUYERS = 50
ROUNDS = int(os.environ.get("INVENTORY_RACE_ROUNDS", "4"))  # CI: 4; raise it for a soak run


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (SELECT … FOR UPDATE) need PostgreSQL: run with DATABASE_URL=postgres://…")


_INHERITED: list = []  # the parent's sockets, kept referenced so a child never finishes (closes) them


def _own_connections() -> None:
    """In a forked child: forget any connection inherited from the parent; the next query opens a new one."""
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None:
            _INHERITED.append(conn.connection)
            conn.connection = None
        conn.closed_in_transaction = False


def _buy(order_id: int, barrier, results) -> None:
    """One buyer in its own process: a fresh connection, wait for everybody, then reserve."""
    from shop.inventory.services import InsufficientStock, reserve_order

    _own_connections()
    try:
        barrier.wait(timeout=60)
        with transaction.atomic():
            reserve_order(Order.objects.get(pk=order_id))
        results.put((order_id, "ok", ""))
    except InsufficientStock as exc:
        results.put((order_id, "short", str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        results.put((order_id, "error", repr(exc)))
    finally:
        connections.close_all()


def _race(order_ids: list[int]) -> list[tuple[int, str, str]]:
    for conn in connections.all(initialized_only=True):  # children must not share the parent's socket
        assert not conn.in_atomic_block, "the race needs committed data: use a transactional test"
        conn.close()
        if conn.connection is not None:  # closed inside an earlier test's transaction: drop the leftover
            conn.connection = None
        conn.closed_in_transaction = False
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(len(order_ids)), ctx.Queue()
    processes = [ctx.Process(target=_buy, args=(pk, barrier, results)) for pk in order_ids]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    return outcomes


def _stock(name: str, warehouses: list[tuple[Warehouse, int]]):
    product = factories.ProductFactory(title=name, stockrecords=None)
    record = factories.StockRecordFactory(
        product=product, partner=warehouses[0][0].partner, partner_sku=name, price=Decimal("3.00"), num_in_stock=0
    )
    for warehouse, units in warehouses:
        set_quantity(warehouse, record, units)
    return record


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_fifty_buyers_race_for_the_last_ten_units(round_no, shanghai, beijing):
    # given: 10 units left, split over two warehouses, and 50 orders of one unit
    record = _stock(f"PEN-{round_no}", [(shanghai, 6), (beijing, 4)])
    orders = [make_order((record, 1)).pk for _ in range(BUYERS)]

    # when
    outcomes = _race(orders)

    # then
    assert [o for o in outcomes if o[1] == "error"] == []
    winners = [o for o in outcomes if o[1] == "ok"]
    losers = [o for o in outcomes if o[1] == "short"]
    assert len(winners) == 10
    assert len(losers) == BUYERS - 10
    assert {message for _pk, _kind, message in losers} == {f"Only 0 left of PEN-{round_no} (you asked for 1)."}
    assert Reservation.objects.filter(stock__stockrecord=record).count() == 10
    assert sorted(WarehouseStock.objects.filter(stockrecord=record).values_list("quantity", "reserved")) == [
        (4, 4),
        (6, 6),
    ]
    record.refresh_from_db()
    assert record.num_allocated == 10


def test_two_line_orders_in_opposite_order_neither_deadlock_nor_oversell(shanghai):
    # given: two products with 10 each; half the buyers list them A,B and half B,A
    first = _stock("PAPER-A4", [(shanghai, 10)])
    second = _stock("PAPER-A3", [(shanghai, 10)])
    orders = [
        make_order((first, 1), (second, 1)).pk if i % 2 else make_order((second, 1), (first, 1)).pk for i in range(30)
    ]

    # when
    outcomes = _race(orders)

    # then: no deadlock errors, exactly ten complete orders, nothing half-reserved
    assert [o for o in outcomes if o[1] == "error"] == []
    assert len([o for o in outcomes if o[1] == "ok"]) == 10
    assert sorted(WarehouseStock.objects.values_list("reserved", flat=True)) == [10, 10]
    assert Reservation.objects.values("order").distinct().count() == 10


def test_the_same_order_reserved_twice_at_once_is_reserved_once(shanghai):
    record = _stock("INK-1", [(shanghai, 50)])
    order = make_order((record, 7))

    outcomes = _race([order.pk] * 8)

    assert {kind for _pk, kind, _msg in outcomes} == {"ok"}
    assert WarehouseStock.objects.get(stockrecord=record).reserved == 7
    assert Reservation.objects.filter(order=order).count() == 1
