"""The contract with the order workflow: reserve, release, ship, return, the per-warehouse split."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from shop.inventory.models import Reservation, StockMovement, WarehouseStock
from shop.inventory.services import (
    InsufficientStock,
    StockError,
    allocations_for_order,
    release_order,
    reserve_order,
    return_order_lines,
    set_quantity,
    ship_order_lines,
)

from .conftest import make_order

pytestmark = pytest.mark.django_db


def ledger_snapshot():
    return (StockMovement.objects.count(), list(WarehouseStock.objects.values_list("quantity", "reserved")))


def test_reserving_splits_a_line_over_warehouses_most_stocked_first(record, shanghai, beijing):
    # given
    set_quantity(shanghai, record, 6)
    set_quantity(beijing, record, 10)
    order = make_order((record, 13))

    # when
    reservations = reserve_order(order)

    # then
    line = order.lines.get()
    assert sorted((r.stock.warehouse.code, r.open_quantity) for r in reservations) == [("BJ", 10), ("SH", 3)]
    assert allocations_for_order(order) == {line.pk: [(beijing, 10), (shanghai, 3)]}
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (16, 13)
    assert record.net_stock_level == 3


def test_a_short_line_raises_only_n_left_and_writes_nothing(record, shanghai, beijing):
    # given
    set_quantity(shanghai, record, 4)
    set_quantity(beijing, record, 3)
    before = ledger_snapshot()
    order = make_order((record, 8))

    # when
    with pytest.raises(InsufficientStock) as caught:
        reserve_order(order)

    # then
    assert (caught.value.requested, caught.value.available) == (8, 7)
    assert caught.value.product == record.product
    assert str(caught.value) == "Only 7 left of Gel pen, box of 12 (you asked for 8)."
    assert ledger_snapshot() == before
    assert not Reservation.objects.exists()


def test_the_message_is_translated(record, shanghai):
    from django.utils import translation

    set_quantity(shanghai, record, 2)
    order = make_order((record, 5))
    with pytest.raises(InsufficientStock) as caught:
        reserve_order(order)
    with translation.override("zh-hans"):
        assert "仅剩 2" in str(caught.value)


def test_reserving_twice_reserves_once(record, shanghai):
    set_quantity(shanghai, record, 10)
    order = make_order((record, 4))

    reserve_order(order)
    again = reserve_order(order)

    assert sum(r.open_quantity for r in again) == 4
    assert WarehouseStock.objects.get().reserved == 4
    assert StockMovement.objects.filter(kind="reservation").count() == 1


def test_lines_without_warehouse_stock_are_skipped(record, shanghai):
    from oscar.test import factories

    other = factories.create_stockrecord(partner_name="Elsewhere", partner_sku="X-1", num_in_stock=5)
    set_quantity(shanghai, record, 10)
    order = make_order((record, 2), (other, 3))

    reservations = reserve_order(order)

    assert [r.line.stockrecord_id for r in reservations] == [record.pk]


def test_nearest_policy_prefers_the_shipping_city(settings, record, shanghai, beijing):
    settings.INVENTORY_ALLOCATION_POLICY = "nearest"
    set_quantity(shanghai, record, 5)
    set_quantity(beijing, record, 50)

    order = make_order((record, 7), city="Shanghai")
    reserve_order(order)

    line = order.lines.get()
    assert allocations_for_order(order) == {line.pk: [(shanghai, 5), (beijing, 2)]}


def test_priority_policy_uses_the_warehouse_priority(settings, record, shanghai, beijing):
    settings.INVENTORY_ALLOCATION_POLICY = "priority"
    set_quantity(shanghai, record, 50)
    set_quantity(beijing, record, 5)  # priority 10, before Shanghai's 20

    order = make_order((record, 7))
    reserve_order(order)

    line = order.lines.get()
    assert allocations_for_order(order) == {line.pk: [(beijing, 5), (shanghai, 2)]}


def test_release_frees_what_is_still_reserved(record, shanghai, beijing):
    set_quantity(shanghai, record, 5)
    set_quantity(beijing, record, 5)
    order = make_order((record, 8))
    reserve_order(order)
    line = order.lines.get()
    ship_order_lines(order, {line.pk: 3})

    released = release_order(order, reason="cancelled by buyer")

    assert released == 5
    assert WarehouseStock.objects.aggregate(r=Sum("reserved"))["r"] == 0
    assert allocations_for_order(order) == {}
    assert release_order(order, reason="again") == 0
    assert set(StockMovement.objects.filter(kind="release").values_list("reason", flat=True)) == {"cancelled by buyer"}


def test_release_needs_a_reason(record, shanghai):
    set_quantity(shanghai, record, 5)
    order = make_order((record, 2))
    reserve_order(order)
    with pytest.raises(StockError, match="reason"):
        release_order(order, reason="  ")
    assert WarehouseStock.objects.get().reserved == 2


def test_shipping_consumes_reservations_and_partial_shipments_add_up(record, shanghai, beijing):
    set_quantity(shanghai, record, 4)
    set_quantity(beijing, record, 10)
    order = make_order((record, 12))
    reserve_order(order)
    line = order.lines.get()

    first = ship_order_lines(order, {line.pk: 11})
    second = ship_order_lines(order, {line.pk: 1})

    assert sum(m.quantity for m in first + second) == 12
    assert {(m.on_hand_delta == m.reserved_delta == -m.quantity) for m in first + second} == {True}
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (2, 0)
    assert allocations_for_order(order) == {}


@pytest.mark.parametrize("units", [13, 0, -1, 1.5, "two"])
def test_shipping_bad_quantities_is_refused_and_changes_nothing(record, shanghai, units):
    set_quantity(shanghai, record, 20)
    order = make_order((record, 12))
    reserve_order(order)
    line = order.lines.get()
    before = ledger_snapshot()

    with pytest.raises(StockError):
        ship_order_lines(order, {line.pk: units})

    assert ledger_snapshot() == before


def test_shipping_more_than_reserved_is_refused(record, shanghai):
    set_quantity(shanghai, record, 20)
    order = make_order((record, 10))
    reserve_order(order)
    line = order.lines.get()
    release_order(order, reason="payment overdue")
    before = ledger_snapshot()

    with pytest.raises(StockError, match="only 0 reserved"):
        ship_order_lines(order, {line.pk: 1})

    assert ledger_snapshot() == before


def test_shipping_a_line_of_another_order_is_refused(record, shanghai):
    set_quantity(shanghai, record, 20)
    mine, theirs = make_order((record, 2)), make_order((record, 2))
    reserve_order(theirs)
    with pytest.raises(StockError, match="has no line"):
        ship_order_lines(mine, {theirs.lines.get().pk: 1})


def test_returns_go_back_on_hand_up_to_what_was_shipped(record, shanghai, beijing):
    set_quantity(shanghai, record, 10)
    order = make_order((record, 6))
    reserve_order(order)
    line = order.lines.get()
    ship_order_lines(order, {line.pk: 6})

    return_order_lines(order, {line.pk: 2}, reason="damaged box")
    return_order_lines(order, {line.pk: 1}, reason="wrong colour", warehouse=beijing)
    before = ledger_snapshot()
    with pytest.raises(StockError, match="3 shipped and not yet returned"):
        return_order_lines(order, {line.pk: 4}, reason="too many")
    with pytest.raises(StockError, match="reason"):
        return_order_lines(order, {line.pk: 1}, reason="")

    assert ledger_snapshot() == before
    assert WarehouseStock.objects.get(warehouse=shanghai).quantity == 6
    assert WarehouseStock.objects.get(warehouse=beijing).quantity == 1
    record.refresh_from_db()
    assert record.num_in_stock == 7


def test_the_beat_task_releases_expired_reservations_once(record, shanghai, settings):
    from datetime import timedelta

    from django.utils import timezone

    from shop.inventory import signals
    from shop.inventory.tasks import release_expired_reservations

    set_quantity(shanghai, record, 10)
    expired, current = make_order((record, 3)), make_order((record, 2))
    reserve_order(expired, expires_at=timezone.now() - timedelta(minutes=1))
    reserve_order(current, expires_at=timezone.now() + timedelta(hours=1))
    heard = []

    def listen(sender, order, units, **kwargs):
        heard.append((order.pk, units))

    signals.reservation_expired.connect(listen, dispatch_uid="test-heard")
    try:
        assert release_expired_reservations.delay().get() == 3
        assert release_expired_reservations.delay().get() == 0
    finally:  # only this test's receiver: the orders app's receiver stays connected for later tests
        signals.reservation_expired.disconnect(dispatch_uid="test-heard")

    assert heard == [(expired.pk, 3)]
    assert WarehouseStock.objects.get().reserved == 2
    assert "release-expired-reservations" in settings.CELERY_BEAT_SCHEDULE
