"""Anomaly alerts (overdue confirmation, expiring reservations: raised and emailed once) and returns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from shop.inventory.models import Reservation, WarehouseStock
from shop.orders import alerts
from shop.orders.fulfilment import ship
from shop.orders.lifecycle import transition
from shop.orders.models import AlertSettings, OrderAlert, ReturnRequest, Role, State, SupplierSLA
from shop.orders.returns import ReturnError, decide, request_return
from shop.orders.tasks import check_order_alerts

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert_settings(db):
    config = AlertSettings.current()
    config.recipients = "ops@shop.example"
    config.save()
    return config


def test_supplier_sla_sets_the_confirm_by_time(buyer_a, company_a, paper, pens, paper_co, place_order):
    SupplierSLA.objects.create(partner=paper_co[0], confirm_within_hours=2)
    order = place_order(buyer_a, company_a, [(paper, 1), (pens, 1)], method="on-account")
    due = {g.partner_id: g.confirm_due_at - order.date_placed for g in order.fulfilment_groups.all()}
    assert timedelta(hours=1, minutes=59) < due[paper_co[0].pk] <= timedelta(hours=2)
    assert max(due.values()) > timedelta(hours=23)  # the default for the pen supplier


def test_unconfirmed_orders_past_the_sla_raise_one_alert_and_one_email(
    buyer_a, company_a, paper, paper_co, place_order, alert_settings
):
    order = place_order(buyer_a, company_a, [(paper, 1)], method="on-account")
    later = timezone.now() + timedelta(hours=25)

    assert alerts.check(later) == 1
    assert alerts.check(later) == 0  # not raised again
    assert alerts.send_pending() == 1
    assert alerts.send_pending() == 0
    assert len(mail.outbox) == 1 and order.number in mail.outbox[0].body
    assert mail.outbox[0].to == ["ops@shop.example"]

    transition(order.fulfilment_groups.get(), State.CONFIRMED, user=paper_co[1], role=Role.SUPPLIER)
    alerts.check(later)
    assert not alerts.open_alerts().exists()


def test_not_yet_due_orders_raise_nothing(buyer_a, company_a, paper, place_order, alert_settings):
    place_order(buyer_a, company_a, [(paper, 1)], method="on-account")
    assert check_order_alerts.delay().get() == {"raised": 0, "emailed": 0}


def test_reservations_about_to_expire_are_alerted(buyer_a, company_a, paper, place_order, alert_settings):
    order = place_order(buyer_a, company_a, [(paper, 2)], method="on-account")
    Reservation.objects.filter(order=order).update(expires_at=timezone.now() + timedelta(hours=3))

    result = check_order_alerts.delay().get()

    assert result == {"raised": 1, "emailed": 1}
    alert = OrderAlert.objects.get()
    assert alert.kind == OrderAlert.Kind.RESERVATION_EXPIRING and "2 × A4 paper" in alert.message


@pytest.fixture
def shipped(buyer_a, company_a, paper, paper_co, place_order):
    order = place_order(buyer_a, company_a, [(paper, 5)], method="on-account")
    group = order.fulfilment_groups.get()
    transition(group, State.CONFIRMED, user=paper_co[1], role=Role.SUPPLIER)
    ship(group, {order.lines.get().pk: 4}, user=paper_co[1], role=Role.SUPPLIER)
    return order


def test_returns_are_limited_to_shipped_units_and_need_a_reason(shipped, buyer_a):
    line = shipped.lines.get()
    with pytest.raises(ReturnError, match="Only 4"):
        request_return(shipped, {line.pk: 5}, reason="damaged", user=buyer_a, role=Role.BUYER)
    with pytest.raises(ReturnError, match="reason"):
        request_return(shipped, {line.pk: 1}, reason="", user=buyer_a, role=Role.BUYER)
    with pytest.raises(ReturnError, match="Describe"):
        request_return(shipped, {line.pk: 1}, reason="other", user=buyer_a, role=Role.BUYER)
    assert not ReturnRequest.objects.exists()


def test_an_accepted_return_puts_the_stock_back_and_joins_the_timeline(shipped, buyer_a, paper, paper_co):
    line = shipped.lines.get()
    request = request_return(shipped, {line.pk: 3}, reason="damaged", note="Wet cartons", user=buyer_a,
                             role=Role.BUYER)
    with pytest.raises(ReturnError, match="Only 1"):
        request_return(shipped, {line.pk: 2}, reason="damaged", user=buyer_a, role=Role.BUYER)
    on_hand = WarehouseStock.objects.get(stockrecord__product=paper).quantity

    with pytest.raises(ReturnError, match="outcome"):
        decide(request, accept=True, user=paper_co[1], role=Role.SUPPLIER)
    decide(request, accept=True, outcome="credit_note", user=paper_co[1], role=Role.SUPPLIER)

    request.refresh_from_db()
    assert (request.status, request.outcome, request.decided_by) == ("accepted", "credit_note", paper_co[1])
    assert WarehouseStock.objects.get(stockrecord__product=paper).quantity == on_hand + 3
    assert shipped.timeline.filter(kind="return").count() == 2
    with pytest.raises(ReturnError, match="already decided"):
        decide(request, accept=False, note="late", user=paper_co[1], role=Role.SUPPLIER)


def test_a_refused_return_needs_a_note_and_leaves_stock_alone(shipped, buyer_a, paper, staff):
    line = shipped.lines.get()
    request = request_return(shipped, {line.pk: 1}, reason="surplus", user=buyer_a, role=Role.BUYER)
    on_hand = WarehouseStock.objects.get(stockrecord__product=paper).quantity
    with pytest.raises(ReturnError, match="why"):
        decide(request, accept=False, user=staff, role=Role.STAFF)
    decide(request, accept=False, note="Custom print, not returnable", user=staff, role=Role.STAFF)
    assert WarehouseStock.objects.get(stockrecord__product=paper).quantity == on_hand


def test_an_unpaid_bank_transfer_order_is_cancelled_when_its_stock_hold_expires(
    buyer_a, company_a, paper, place_order, alert_settings
):
    from shop.inventory.reservations import release_expired_reservations

    unpaid = place_order(buyer_a, company_a, [(paper, 3)], method="bank-transfer")
    on_account = place_order(buyer_a, company_a, [(paper, 2)], method="on-account")
    held = Reservation.objects.filter(order=unpaid)
    assert all(r.expires_at is not None for r in held)  # 168 h by default
    assert not Reservation.objects.filter(order=on_account, expires_at__isnull=False).exists()

    # shortly before the hold ends the operators are warned (with the two overdue confirmations);
    # when it ends the order is cancelled
    assert alerts.check(held[0].expires_at - timedelta(hours=1)) == 3
    assert OrderAlert.objects.filter(kind=OrderAlert.Kind.RESERVATION_EXPIRING, order=unpaid).count() == 1
    assert release_expired_reservations(held[0].expires_at + timedelta(seconds=1)) == 3

    unpaid.refresh_from_db()
    assert unpaid.status == "Cancelled" and unpaid.payment_info.status == "void"
    event = unpaid.timeline.get(to_state="cancelled")
    assert (event.role, event.actor) == ("system", None) and "Not paid in time" in event.note
    on_account.refresh_from_db()
    assert on_account.status == "Submitted"
    assert WarehouseStock.objects.get(stockrecord__product=paper).reserved == 2


def test_marking_paid_keeps_the_stock_until_shipped(buyer_a, company_a, paper, place_order, staff):
    from shop.inventory.reservations import release_expired_reservations
    from shop.orders.payments import mark_paid

    order = place_order(buyer_a, company_a, [(paper, 3)], method="bank-transfer")
    mark_paid(order, user=staff)
    assert release_expired_reservations(timezone.now() + timedelta(days=30)) == 0
    order.refresh_from_db()
    assert order.status == "Submitted"
    assert WarehouseStock.objects.get(stockrecord__product=paper).reserved == 3


def test_an_expiring_reservation_alert_resolves_once_the_order_is_paid(
    buyer_a, company_a, paper, place_order, alert_settings, staff
):
    from shop.orders.payments import mark_paid

    order = place_order(buyer_a, company_a, [(paper, 1)], method="bank-transfer")
    soon = Reservation.objects.get(order=order).expires_at - timedelta(hours=2)
    alerts.check(soon)
    assert alerts.open_alerts().filter(kind=OrderAlert.Kind.RESERVATION_EXPIRING).count() == 1

    mark_paid(order, user=staff)
    alerts.check(soon)
    assert not alerts.open_alerts().filter(kind=OrderAlert.Kind.RESERVATION_EXPIRING).exists()
