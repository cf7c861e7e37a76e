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

