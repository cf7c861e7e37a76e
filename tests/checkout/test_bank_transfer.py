"""Checkout with bank transfer: choose it, preview in the basket's currency, order submitted with its payment
pending, marked paid later by staff."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from oscar.core.loading import get_model

from shop.orders.lifecycle import STATUS_NAMES
from shop.orders.models import OrderEvent, OrderPayment, State

from .flow import PEN_PRICE, go_to_preview, place_order, url

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
PaymentEvent = get_model("order", "PaymentEvent")


def test_order_statuses_in_settings_match_the_order_lifecycle(settings):
    assert settings.OSCAR_INITIAL_ORDER_STATUS == STATUS_NAMES[State.SUBMITTED]
    assert set(settings.OSCAR_ORDER_STATUS_PIPELINE) == set(STATUS_NAMES.values())
    # Only the lifecycle's state machine changes an order's status: Oscar's dashboard offers no moves.
    assert not any(settings.OSCAR_ORDER_STATUS_PIPELINE.values())


def test_buyer_chooses_bank_transfer_and_sees_the_total_in_euro(buyer_client, rates, pen):
    # given a basket of 12 pens in EUR
    # when the buyer walks the checkout to the preview
    response = go_to_preview(buyer_client, pen, currency="EUR")

    # then the preview names the method and the amount in the basket's currency
    html = response.content.decode()
    assert response.context["payment_method"].code == "bank-transfer"
    assert response.context["order_total"].incl_tax == PEN_PRICE["EUR"] * 12 == Decimal("39.36")
    assert response.context["order_total"].currency == "EUR"
    assert 'id="amount-to-pay"' in html and "€39.36" in html


def test_payment_method_page_offers_bank_transfer(buyer_client, rates, pen):
    go_to_preview(buyer_client, pen)
    response = buyer_client.get(url("checkout:payment-method", "en"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="bank-transfer"' in html and "checked" in html
    assert "Bank transfer" in html


def test_placing_the_order_records_a_bank_transfer_source_and_pending_status(
    buyer_client, buyer, rates, pen, django_capture_on_commit_callbacks
):
    order, thank_you = place_order(buyer_client, pen, django_capture_on_commit_callbacks, currency="EUR")

    assert (order.user, order.currency, order.total_incl_tax) == (buyer, "EUR", Decimal("39.36"))
    assert order.status == "Submitted"
    assert order.payment_info.status == OrderPayment.Status.PENDING
    assert order.payment_info.method == "bank-transfer"
    assert order.shipping_method == "Free shipping"
    assert order.shipping_address.line4 == "Shanghai"
    source = order.sources.get()
    assert source.source_type.name == "Bank transfer"
    assert (source.currency, source.amount_allocated, source.amount_debited) == ("EUR", Decimal("39.36"), 0)
    assert source.reference == order.number
    assert not order.payment_events.exists()  # nothing received yet

    html = thank_you.content.decode()
    assert thank_you.status_code == 200
    assert "IBAN: DE00 0000 0000 0000 0000 00" in html
    assert f'<strong id="bank-transfer-reference">{order.number}</strong>' in html
    assert "€39.36" in html
    assert url("order-invoice", "en", order_number=order.number) in html
    assert len(mail.outbox) == 1


def test_bank_details_come_from_settings(buyer_client, rates, pen, settings, django_capture_on_commit_callbacks):
    settings.SHOP_BANK_TRANSFER_DETAILS = "Inkstone Trade Ltd\nIBAN: GB33 BUKB 2020 1555 5555 55"
    order, thank_you = place_order(buyer_client, pen, django_capture_on_commit_callbacks)
    assert "Inkstone Trade Ltd<br>IBAN: GB33 BUKB 2020 1555 5555 55" in thank_you.content.decode()


def test_preview_without_a_payment_method_sends_the_buyer_to_choose_one(buyer_client, rates, pen):
    go_to_preview(buyer_client, pen)
    session = buyer_client.session
    session["checkout_data"]["payment"] = {}
    session.save()
    response = buyer_client.get(url("checkout:preview", "en"))
    assert response.status_code == 302
    assert response["Location"] == url("checkout:payment-method", "en")
    response = buyer_client.get(url("checkout:payment-details", "en"))
    assert response["Location"] == url("checkout:payment-method", "en")


def test_an_unknown_payment_method_is_refused(buyer_client, rates, pen):
    go_to_preview(buyer_client, pen)
    response = buyer_client.post(url("checkout:payment-method", "en"), {"method": "cash-on-delivery"})
    assert response.status_code == 200
    assert "That payment method is not available." in response.content.decode()


def test_without_bank_details_no_payment_method_is_offered(buyer_client, rates, pen, settings):
    go_to_preview(buyer_client, pen)
    settings.SHOP_BANK_TRANSFER_DETAILS = ""
    response = buyer_client.get(url("checkout:payment-method", "en"))
    assert "No payment method is available" in response.content.decode()
    assert buyer_client.get(url("checkout:preview", "en"))["Location"] == url("checkout:payment-method", "en")
    assert buyer_client.post(url("checkout:preview", "en"), {"action": "place_order"}).status_code == 302
    assert not Order.objects.exists()


def test_staff_marking_the_order_paid_records_the_transfer_once(
    buyer_client, rates, pen, django_capture_on_commit_callbacks, django_user_model, client
):
    # given a placed bank-transfer order
    order, _ = place_order(buyer_client, pen, django_capture_on_commit_callbacks)
    staff = django_user_model.objects.create_user(
        username="staff", email="staff@example.com", password="a-long-pass-123", is_staff=True
    )
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["view_order", "change_order"]))
    client.force_login(staff)
    paid = url("orders_dashboard:mark-paid", "en", number=order.number)

    # when staff mark it paid on the order's dashboard page
    response = client.post(paid)

    # then the payment is recorded, the source is debited and one payment event records the money
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == "Submitted"  # the fulfilment state is separate from the payment
    assert order.payment_info.status == OrderPayment.Status.PAID
    assert order.timeline.filter(kind=OrderEvent.Kind.PAYMENT, actor=staff).count() == 1
    source = order.sources.get()
    assert source.amount_debited == source.amount_allocated == Decimal("39.36")
    event = PaymentEvent.objects.get(order=order)
    assert (event.event_type.name, event.amount, event.reference) == (
        "Bank transfer received",
        Decimal("39.36"),
        order.number,
    )
    assert [q.quantity for q in event.line_quantities.all()] == [12]

    from shop.apps.checkout.payment import record_bank_transfer_received

    assert record_bank_transfer_received(order) is False
    client.post(paid)  # a second click changes nothing
    assert PaymentEvent.objects.filter(order=order).count() == 1
    assert order.sources.get().amount_debited == Decimal("39.36")


def test_checkout_is_for_signed_in_buyers_only(client, rates, pen):
    response = client.get(url("checkout:payment-method", "en"))
    assert response.status_code == 302
    assert url("customer:login", "en") in response["Location"]
