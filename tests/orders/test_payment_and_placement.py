"""Placement checks: stock, credit for pay on account, the same basket twice, prices still valid."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test import factories

from shop.apps.partner.strategy import Selector
from shop.companies.models import Company
from shop.inventory.models import Reservation, WarehouseStock
from shop.orders import credit, placement
from shop.orders.lifecycle import cancel_order
from shop.orders.models import FulfilmentGroup, OrderPayment, PaymentTerms, Role
from shop.orders.payments import mark_paid

from .conftest import fill_basket, place

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def test_pay_on_account_uses_the_companys_credit_and_terms(buyer_a, company_a, paper, place_order):
    PaymentTerms.objects.create(company=company_a, net_days=45)

    order = place_order(buyer_a, company_a, [(paper, 10)], method="on-account")  # 200.00 CNY

    payment = order.payment_info
    assert (payment.method, payment.status, payment.amount, payment.company) == (
        "on-account", "on_account", Decimal("200.00"), company_a
    )
    assert payment.due_on == timezone.localdate() + timedelta(days=45)
    assert credit.available_credit(company_a) == Decimal("800.00")


def test_an_order_over_the_credit_limit_is_refused_and_nothing_is_written(
    buyer_a, company_a, paper, pens, place_order
):
    place_order(buyer_a, company_a, [(paper, 45)], method="on-account")  # 900.00 of 1000.00
    counts = (Order.objects.count(), Reservation.objects.count(), FulfilmentGroup.objects.count())

    with pytest.raises(placement.PlacementRefused, match="available credit of 100.00"):
        place(buyer_a, company_a, [(pens, 20)], method="on-account")  # 150.00

    assert (Order.objects.count(), Reservation.objects.count(), FulfilmentGroup.objects.count()) == counts
    assert OrderPayment.objects.count() == 1


def test_paying_an_invoice_or_cancelling_frees_the_credit(buyer_a, company_a, paper, place_order, staff):
    first = place_order(buyer_a, company_a, [(paper, 40)], method="on-account")
    second = place_order(buyer_a, company_a, [(paper, 5)], method="on-account")
    assert credit.available_credit(company_a) == Decimal("100.00")

    mark_paid(first, user=staff)
    assert credit.available_credit(company_a) == Decimal("900.00")
    cancel_order(second, user=buyer_a, role=Role.BUYER)
    assert OrderPayment.objects.get(order=second).status == "void"
    assert credit.available_credit(company_a) == Decimal("1000.00")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pays_on_account": False}, "no payment terms"),
        ({"billing_currency": "EUR"}, "in EUR"),
    ],
)
def test_pay_on_account_needs_terms_and_the_credit_currency(buyer_a, company_a, paper, change, message):
    Company.objects.filter(pk=company_a.pk).update(**change)
    company_a.refresh_from_db()
    with pytest.raises(placement.PlacementRefused, match=message):
        place(buyer_a, company_a, [(paper, 1)], method="on-account")
    assert not Order.objects.exists()


def test_pay_on_account_is_for_companies_only(buyer_a, paper):
    with pytest.raises(placement.PlacementRefused, match="company accounts"):
        place(buyer_a, None, [(paper, 1)], method="on-account")


def test_not_enough_stock_refuses_the_whole_order_with_only_n_left(buyer_a, company_a, paper, pens):
    with pytest.raises(placement.PlacementRefused, match="Only 100 left"):
        place(buyer_a, company_a, [(pens, 2), (paper, 101)])
    assert not Order.objects.exists()
    assert list(WarehouseStock.objects.values_list("reserved", flat=True)) == [0, 0]


def test_the_same_basket_placed_again_returns_the_first_order(buyer_a, company_a, paper):
    basket = fill_basket(buyer_a, company_a, [(paper, 1)])
    order = placement.place(
        basket, lambda: _create(basket, buyer_a), user=buyer_a,
        payment_method="bank-transfer", company=company_a,
    )
    with pytest.raises(placement.AlreadyPlaced) as again:
        placement.place(basket, lambda: _create(basket, buyer_a), user=buyer_a, payment_method="bank-transfer",
                        company=company_a)
    assert again.value.order == order
    assert Order.objects.count() == 1


def _create(basket, user):
    return factories.create_order(number=str(100000 + basket.pk), basket=basket, user=user)


def test_a_changed_price_is_reported_and_the_basket_takes_the_new_price(buyer_a, company_a, paper):
    basket = fill_basket(buyer_a, company_a, [(paper, 2)])
    record = paper.stockrecords.get()
    record.price = Decimal("22.00")
    record.save()
    basket = type(basket).objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy(user=buyer_a, currency="CNY")

    messages = placement.price_changes(basket)

    assert len(messages) == 1 and "A4 paper" in messages[0] and "22.00" in messages[0]
    assert placement.price_changes(basket) == []  # the buyer now sees and accepts the new price


def test_a_lower_price_is_simply_taken(buyer_a, company_a, paper):
    basket = fill_basket(buyer_a, company_a, [(paper, 2)])
    record = paper.stockrecords.get()
    record.price = Decimal("18.00")
    record.save()
    basket = type(basket).objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy(user=buyer_a, currency="CNY")

    assert placement.price_changes(basket) == []
    assert basket.lines.get().price_incl_tax == Decimal("18.00")
