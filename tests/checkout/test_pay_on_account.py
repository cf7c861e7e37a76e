"""Checkout with pay on account for a company with terms: offered only to them, limited by the credit."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.companies.models import Company, Membership
from shop.orders.models import OrderPayment

from .flow import ADDRESS, url

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def company(buyer):
    company = Company.objects.create(
        name="Alpha Stationers", pays_on_account=True, credit_limit=Decimal("500.00"), billing_currency="CNY"
    )
    Membership.objects.create(company=company, user=buyer, role=Membership.Role.BUYER)
    return company


def to_preview(client, product, method: str, quantity: int = 12):
    client.post(url("basket:add", "en", pk=product.pk), {"quantity": quantity})
    response = client.post(url("checkout:shipping-address", "en"), ADDRESS, follow=True)
    if response.redirect_chain[-1][0] == url("checkout:shipping-method", "en"):
        client.post(url("checkout:shipping-method", "en"), {"method_code": "free-shipping"})
    page = client.get(url("checkout:payment-method", "en"))
    response = client.post(url("checkout:payment-method", "en"), {"method": method}, follow=True)
    assert response.redirect_chain[-1][0] == url("checkout:preview", "en"), response.content.decode()[:500]
    return page


def test_a_company_with_terms_is_offered_pay_on_account_and_orders_on_credit(
    buyer_client, company, rates, pen, django_capture_on_commit_callbacks
):
    page = to_preview(buyer_client, pen, "on-account")
    assert 'value="on-account"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = buyer_client.post(url("checkout:preview", "en"), {"action": "place_order"})

    assert response["Location"] == url("checkout:thank-you", "en")
    order = Order.objects.get()
    assert order.status == "Submitted" and order.company_link.company == company
    payment = order.payment_info
    assert (payment.method, payment.status, payment.amount) == ("on-account", "on_account", Decimal("300.00"))
    assert order.sources.get().source_type.code == "on-account"


def test_an_order_over_the_credit_limit_goes_back_to_the_preview_with_the_reason(
    buyer_client, company, rates, pen, django_capture_on_commit_callbacks
):
    to_preview(buyer_client, pen, "on-account", quantity=24)  # 600.00 CNY > 500.00
    with django_capture_on_commit_callbacks(execute=True):
        response = buyer_client.post(url("checkout:preview", "en"), {"action": "place_order"})
    assert response.status_code == 200
    assert "exceeds your company&#x27;s available credit of 500.00" in response.content.decode()
    assert not Order.objects.exists()
    assert not OrderPayment.objects.exists()


def test_buyers_without_terms_are_not_offered_pay_on_account(buyer_client, rates, pen):
    to_preview(buyer_client, pen, "bank-transfer")
    page = buyer_client.get(url("checkout:payment-method", "en"))
    assert 'value="on-account"' not in page.content.decode()
    response = buyer_client.post(url("checkout:payment-method", "en"), {"method": "on-account"})
    assert "That payment method is not available." in response.content.decode()



@pytest.fixture
def warehouse_pen(pen):
    from oscar.core.loading import get_model

    from shop.inventory.ledger import receive_stock
    from shop.inventory.models import Warehouse

    record = pen.stockrecords.get()
    warehouse = Warehouse.objects.create(partner=record.partner, code="sh-1", name="Shanghai", city="Shanghai")
    record.num_in_stock = 0
    record.save()
    receive_stock(warehouse, record, 30, reason="opening stock")
    get_model("partner", "StockRecord").objects.filter(pk=record.pk).update(num_in_stock=30)
    return pen


def test_placing_an_order_reserves_warehouse_stock(
    buyer_client, company, rates, warehouse_pen, django_capture_on_commit_callbacks
):
    from shop.inventory.models import Reservation

    to_preview(buyer_client, warehouse_pen, "on-account", quantity=12)
    with django_capture_on_commit_callbacks(execute=True):
        response = buyer_client.post(url("checkout:preview", "en"), {"action": "place_order"})
    assert response.status_code == 302
    order = Order.objects.get()
    assert sum(r.quantity for r in Reservation.objects.filter(order=order)) == 12
    assert order.timeline.filter(kind="placed").count() == 1


@pytest.mark.parametrize("race", [False, True])
def test_not_enough_warehouse_stock_at_placement_refuses_the_order_clearly(
    buyer_client, company, rates, warehouse_pen, django_capture_on_commit_callbacks, monkeypatch, race
):
    from shop.apps.checkout.session import CheckoutSessionMixin
    from shop.inventory.ledger import adjust_stock
    from shop.inventory.models import Warehouse

    to_preview(buyer_client, warehouse_pen, "on-account", quantity=12)
    # stock went (damaged, or another buyer's order) after this basket was checked
    adjust_stock(Warehouse.objects.get(code="sh-1"), warehouse_pen.stockrecords.get(), -25, reason="damaged")
    if race:  # the stock goes between the checkout's availability check and the placement
        monkeypatch.setattr(CheckoutSessionMixin, "check_basket_is_valid", lambda self, request: None)
    with django_capture_on_commit_callbacks(execute=True):
        response = buyer_client.post(url("checkout:preview", "en"), {"action": "place_order"}, follow=True)

    assert not Order.objects.exists()
    html = response.content.decode()
    if race:  # the reservation inside the placement transaction refuses it
        assert "Only 5 left of Gel pen 0.5 mm" in html
    else:  # the checkout's own check sends the buyer back to the basket
        assert "a maximum of 5 can be bought" in html


def test_a_price_rise_after_the_basket_was_filled_stops_the_order_once(
    buyer_client, company, rates, pen, django_capture_on_commit_callbacks
):
    to_preview(buyer_client, pen, "on-account", quantity=2)
    record = pen.stockrecords.get()
    record.price = Decimal("27.00")
    record.save()

    response = buyer_client.post(url("checkout:preview", "en"), {"action": "place_order"}, follow=True)
    assert response.redirect_chain[-1][0] == url("basket:summary", "en")
    html = response.content.decode()
    assert "The price of Gel pen 0.5 mm went up from" in html and "27.00" in html
    assert not Order.objects.exists()

    # the buyer has seen the new price: the next submission goes through at that price
    with django_capture_on_commit_callbacks(execute=True):
        response = buyer_client.post(url("checkout:preview", "en"), {"action": "place_order"})
    assert response["Location"] == url("checkout:thank-you", "en")
    assert Order.objects.get().total_incl_tax == Decimal("54.00")
