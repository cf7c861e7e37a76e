"""The order state machine: split per supplier, transitions per role, timeline, cancellation and stock."""

from __future__ import annotations

import pytest

from shop.inventory.models import Reservation, StockMovement, WarehouseStock
from shop.orders.lifecycle import STATUS_NAMES, TransitionError, cancel_order, summary_state, transition
from shop.orders.models import FulfilmentGroup, OrderEvent, Role, State

pytestmark = pytest.mark.django_db


def reserved(product) -> int:
    return sum(WarehouseStock.objects.filter(stockrecord__product=product).values_list("reserved", flat=True))


def test_an_order_with_two_suppliers_is_split_into_two_groups_and_reserves_stock(
    buyer_a, company_a, paper, pens, place_order
):
    # when a buyer orders from two suppliers at once
    order = place_order(buyer_a, company_a, [(paper, 3), (pens, 5)])

    # then the buyer has one order, each supplier its own group, and the stock is reserved
    groups = list(order.fulfilment_groups.select_related("partner").order_by("partner__name"))
    assert [(g.partner.name, g.state) for g in groups] == [("Paper Co", "submitted"), ("Pen Works", "submitted")]
    assert all(g.confirm_due_at > order.date_placed for g in groups)
    assert order.status == "Submitted"
    assert (reserved(paper), reserved(pens)) == (3, 5)
    assert Reservation.objects.filter(order=order).count() == 2
    placed = order.timeline.get()
    assert (placed.kind, placed.actor, placed.role) == (OrderEvent.Kind.PLACED, buyer_a, Role.BUYER)


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        (["submitted", "confirmed"], "submitted"),
        (["confirmed", "in_production"], "confirmed"),
        (["shipped", "confirmed"], "partially_shipped"),
        (["shipped", "delivered"], "shipped"),
        (["rejected", "confirmed"], "confirmed"),
        (["rejected", "rejected"], "rejected"),
        (["rejected", "cancelled"], "cancelled"),
        (["completed"], "completed"),
    ],
)
def test_the_order_status_summarises_its_groups(states, expected):
    assert summary_state(states) == expected


def test_supplier_confirms_then_reports_production_each_step_on_the_timeline(
    buyer_a, company_a, paper, pen_works, pens, paper_co, place_order
):
    order = place_order(buyer_a, company_a, [(paper, 2), (pens, 1)])
    paper_group = order.fulfilment_groups.get(partner=paper_co[0])
    supplier = paper_co[1]

    transition(paper_group, State.CONFIRMED, user=supplier, role=Role.SUPPLIER)
    order.refresh_from_db()
    assert order.status == "Submitted"  # the pen supplier has not confirmed yet

    transition(paper_group, State.IN_PRODUCTION, user=supplier, role=Role.SUPPLIER, note="Cutting: 50 %")
    transition(paper_group, State.IN_PRODUCTION, user=supplier, role=Role.SUPPLIER, note="Cutting: 100 %")
    paper_group.refresh_from_db()
    assert paper_group.progress_note == "Cutting: 100 %"
    events = list(order.timeline.filter(kind=OrderEvent.Kind.STATE).values_list("from_state", "to_state", "note"))
    assert events == [
        ("submitted", "confirmed", ""),
        ("confirmed", "in_production", "Cutting: 50 %"),
        ("in_production", "in_production", "Cutting: 100 %"),
    ]
    assert set(order.timeline.filter(kind=OrderEvent.Kind.STATE).values_list("actor", flat=True)) == {supplier.pk}


@pytest.mark.parametrize(
    ("state", "to_state", "role"),
    [
        ("submitted", "confirmed", "buyer"),
        ("submitted", "in_production", "supplier"),
        ("submitted", "shipped", "staff"),
        ("confirmed", "cancelled", "supplier"),
        ("in_production", "cancelled", "buyer"),
        ("shipped", "cancelled", "staff"),
        ("delivered", "completed", "supplier"),
    ],
)
def test_moves_outside_the_role_rules_are_refused_and_change_nothing(
    state, to_state, role, buyer_a, company_a, paper, place_order, staff
):
    order = place_order(buyer_a, company_a, [(paper, 1)])
    group = order.fulfilment_groups.get()
    FulfilmentGroup.objects.filter(pk=group.pk).update(state=state)
    events = order.timeline.count()

    with pytest.raises(TransitionError) as refused:
        transition(group, to_state, user=staff, role=role)

    assert str(refused.value)
    group.refresh_from_db()
    assert group.state == state
    assert order.timeline.count() == events


def test_cancelling_a_shipped_order_is_refused_with_a_clear_message(buyer_a, company_a, paper, place_order):
    order = place_order(buyer_a, company_a, [(paper, 1)])
    FulfilmentGroup.objects.filter(order=order).update(state=State.SHIPPED)

    with pytest.raises(TransitionError, match="already been shipped"):
        cancel_order(order, user=buyer_a, role=Role.BUYER)


def test_rejecting_needs_a_reason_and_releases_the_stock(buyer_a, company_a, paper, paper_co, place_order):
    order = place_order(buyer_a, company_a, [(paper, 4)])
    group = order.fulfilment_groups.get()
    with pytest.raises(TransitionError, match="reason"):
        transition(group, State.REJECTED, user=paper_co[1], role=Role.SUPPLIER, note="  ")
    assert reserved(paper) == 4

    transition(group, State.REJECTED, user=paper_co[1], role=Role.SUPPLIER, note="Discontinued")

    order.refresh_from_db()
    assert order.status == STATUS_NAMES[State.REJECTED] == "Rejected"
    assert order.fulfilment_groups.get().rejection_reason == "Discontinued"
    assert reserved(paper) == 0
    assert StockMovement.objects.filter(order=order, kind="release").count() == 1
    assert order.payment_info.status == "void"


def test_buyer_cancels_a_submitted_order_stock_released_status_and_history_kept(
    buyer_a, company_a, paper, pens, place_order
):
    order = place_order(buyer_a, company_a, [(paper, 2), (pens, 3)])

    cancel_order(order, user=buyer_a, role=Role.BUYER, note="Ordered by mistake")

    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert (reserved(paper), reserved(pens)) == (0, 0)
    assert list(order.status_changes.values_list("old_status", "new_status")) == [("Submitted", "Cancelled")]
    assert order.timeline.filter(kind=OrderEvent.Kind.STATE, to_state="cancelled").count() == 2


def test_staff_may_cancel_in_production_but_the_buyer_may_not(
    buyer_a, company_a, paper, paper_co, place_order, staff
):
    order = place_order(buyer_a, company_a, [(paper, 2)])
    group = order.fulfilment_groups.get()
    transition(group, State.CONFIRMED, user=paper_co[1], role=Role.SUPPLIER)
    transition(group, State.IN_PRODUCTION, user=paper_co[1], role=Role.SUPPLIER, note="started")

    with pytest.raises(TransitionError, match="only our staff"):
        cancel_order(order, user=buyer_a, role=Role.BUYER)
    cancel_order(order, user=staff, role=Role.STAFF, note="customer called")

    assert order.fulfilment_groups.get().state == State.CANCELLED
    assert reserved(paper) == 0
