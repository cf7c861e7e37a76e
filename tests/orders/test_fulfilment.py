"""Partial shipments through the inventory service, refusals that change nothing, merging open orders."""

from __future__ import annotations

import pytest

from shop.inventory.models import StockMovement, WarehouseStock
from shop.orders.fulfilment import FulfilmentError, merge, mergeable_groups, parse_quantities, ship
from shop.orders.lifecycle import transition
from shop.orders.models import OrderEvent, Role, Shipment, State
from shop.orders.payments import mark_paid

pytestmark = pytest.mark.django_db


def stock_of(product) -> tuple[int, int]:
    line = WarehouseStock.objects.get(stockrecord__product=product)
    return line.quantity, line.reserved


@pytest.fixture
def confirmed_order(buyer_a, company_a, paper, pens, paper_co, pen_works, place_order):
    order = place_order(buyer_a, company_a, [(paper, 10), (pens, 4)], method="on-account")
    for partner, user, _wh in (paper_co, pen_works):
        transition(order.fulfilment_groups.get(partner=partner), State.CONFIRMED, user=user, role=Role.SUPPLIER)
    return order


def test_partial_then_full_shipment_consumes_the_reservation_and_moves_the_states(
    confirmed_order, paper, paper_co
):
    order = confirmed_order
    group = order.fulfilment_groups.get(partner=paper_co[0])
    line = order.lines.get(partner=paper_co[0])

    # when the paper supplier ships 4 of 10
    shipment = ship(group, {line.pk: 4}, user=paper_co[1], role=Role.SUPPLIER, carrier="SF", tracking_number="SF123")

    # then the group and the order are partially shipped and 4 units left the warehouse
    group.refresh_from_db()
    order.refresh_from_db()
    assert (group.state, order.status) == (State.PARTIALLY_SHIPPED, "Partially shipped")
    assert stock_of(paper) == (96, 6)
    assert shipment.tracking_number == "SF123"
    event = order.timeline.filter(kind=OrderEvent.Kind.SHIPMENT).get()
    assert "SF123" in event.note and event.actor == paper_co[1]

    # when the rest ships
    ship(group, {line.pk: 6}, user=paper_co[1], role=Role.SUPPLIER)
    group.refresh_from_db()
    order.refresh_from_db()
    assert group.state == State.SHIPPED
    assert order.status == "Partially shipped"  # the pens are not shipped yet
    assert stock_of(paper) == (90, 0)


@pytest.mark.parametrize("units", [11, 0, -1])
def test_shipping_more_than_ordered_or_nonsense_is_refused_and_the_ledger_is_unchanged(
    confirmed_order, paper, paper_co, units
):
    group = confirmed_order.fulfilment_groups.get(partner=paper_co[0])
    line = confirmed_order.lines.get(partner=paper_co[0])
    movements = StockMovement.objects.count()

    with pytest.raises(FulfilmentError):
        ship(group, {line.pk: units}, user=paper_co[1], role=Role.SUPPLIER)

    assert StockMovement.objects.count() == movements
    assert stock_of(paper) == (100, 10)
    assert not Shipment.objects.exists()


def test_quantities_from_a_form_must_be_whole_non_negative_numbers():
    assert parse_quantities({"5": "3", "6": "", "7": "0"}) == {5: 3}
    for bad in ("1.5", "-2", "two"):
        with pytest.raises(FulfilmentError):
            parse_quantities({"5": bad})


def test_another_suppliers_line_cannot_be_shipped(confirmed_order, paper_co, pen_works):
    group = confirmed_order.fulfilment_groups.get(partner=paper_co[0])
    pen_line = confirmed_order.lines.get(partner=pen_works[0])
    with pytest.raises(FulfilmentError, match="not part"):
        ship(group, {pen_line.pk: 1}, user=paper_co[1], role=Role.SUPPLIER)


def test_an_unconfirmed_order_cannot_ship(buyer_a, company_a, paper, paper_co, place_order):
    order = place_order(buyer_a, company_a, [(paper, 1)], method="on-account")
    with pytest.raises(FulfilmentError, match="confirmed first"):
        ship(order.fulfilment_groups.get(), {order.lines.get().pk: 1}, user=paper_co[1], role=Role.SUPPLIER)


def test_a_bank_transfer_order_ships_only_once_paid(buyer_a, company_a, paper, paper_co, place_order, staff):
    order = place_order(buyer_a, company_a, [(paper, 1)], method="bank-transfer")
    group = order.fulfilment_groups.get()
    transition(group, State.CONFIRMED, user=paper_co[1], role=Role.SUPPLIER)
    line = order.lines.get()
    with pytest.raises(FulfilmentError, match="bank transfer"):
        ship(group, {line.pk: 1}, user=paper_co[1], role=Role.SUPPLIER)

    mark_paid(order, user=staff)
    ship(group, {line.pk: 1}, user=paper_co[1], role=Role.SUPPLIER)
    group.refresh_from_db()
    assert group.state == State.SHIPPED


def test_a_buyers_open_orders_to_one_supplier_merge_and_ship_together(
    buyer_a, company_a, buyer_b, company_b, paper, paper_co, place_order
):
    first = place_order(buyer_a, company_a, [(paper, 2)], method="on-account")
    second = place_order(buyer_a, company_a, [(paper, 3)], method="on-account")
    other_company = place_order(buyer_b, company_b, [(paper, 1)], method="bank-transfer")
    supplier = paper_co[1]
    g1, g2, g3 = (o.fulfilment_groups.get() for o in (first, second, other_company))
    for g in (g1, g2):
        transition(g, State.CONFIRMED, user=supplier, role=Role.SUPPLIER)

    # only the same buyer's open orders are offered, and another company's is refused
    assert [g.pk for g in mergeable_groups(g1)] == [g2.pk]
    with pytest.raises(FulfilmentError, match="cannot be merged"):
        merge(g1, [g3], user=supplier, role=Role.SUPPLIER)

    merge(g1, [g2], user=supplier, role=Role.SUPPLIER)

    # the merged order ships from the first one, in one shipment, and both orders are shipped
    with pytest.raises(FulfilmentError, match="ship them from there"):
        ship(g2, {second.lines.get().pk: 3}, user=supplier, role=Role.SUPPLIER)
    shipment = ship(
        g1, {first.lines.get().pk: 2, second.lines.get().pk: 3}, user=supplier, role=Role.SUPPLIER,
        tracking_number="ONE-PARCEL",
    )
    assert shipment.lines.count() == 2
    for order in (first, second):
        order.refresh_from_db()
        assert order.status == "Shipped"
        assert order.timeline.filter(kind=OrderEvent.Kind.MERGE).exists()
    assert stock_of(paper) == (95, 1)


def test_the_buyer_confirms_delivery_and_completes_the_order(confirmed_order, paper_co, pen_works, buyer_a):
    order = confirmed_order
    for supplier in (paper_co, pen_works):
        group = order.fulfilment_groups.get(partner=supplier[0])
        line = order.lines.get(partner=supplier[0])
        ship(group, {line.pk: line.quantity}, user=supplier[1], role=Role.SUPPLIER)
    order.refresh_from_db()
    assert order.status == "Shipped"

    for group in order.fulfilment_groups.all():
        transition(group, State.DELIVERED, user=buyer_a, role=Role.BUYER)
    order.refresh_from_db()
    assert order.status == "Delivered"
    for group in order.fulfilment_groups.all():
        transition(group, State.COMPLETED, user=buyer_a, role=Role.BUYER, note="All received in good order")
    order.refresh_from_db()
    assert order.status == "Completed"
    assert list(order.status_changes.order_by("pk").values_list("new_status", flat=True)) == [
        "Confirmed", "Partially shipped", "Shipped", "Delivered", "Completed"
    ]
