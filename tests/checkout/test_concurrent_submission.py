"""The same order submitted twice at once makes one order; two orders racing for the last credit: one wins.

Both need PostgreSQL row locks (SQLite serialises whole transactions, so the race cannot be shown there).
"""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test import Client
from oscar.core.loading import get_model

from shop.apps.checkout.views import PaymentDetailsView
from shop.companies.models import Company, Membership
from shop.orders import placement

from .flow import url
from .test_pay_on_account import to_preview

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

Order = get_model("order", "Order")


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL: run with DATABASE_URL=postgres://…")


def in_parallel(*calls, barrier_at=None):
    """Run the calls in threads (each its own database connection); returns their results or exceptions."""
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_the_same_basket_submitted_twice_at_once_makes_one_order(buyer, rates, pen, monkeypatch):
    for attempt in range(3):
        first = Client()
        first.force_login(buyer)
        to_preview(first, pen, "bank-transfer")
        second = Client()
        second.cookies = first.cookies  # the same session: a double click, or two tabs

        # Both requests start submitting together, each holding the open basket it loaded: the race a
        # double click makes. (Synchronising later, e.g. at the basket lock, cannot work every time: when
        # the first request froze the basket before the second loaded it, the second has no open basket,
        # is sent back to the basket page and never reaches the lock.)
        barrier = threading.Barrier(2)
        real_submit = PaymentDetailsView.submit

        def submit_together(view, *args, _real=real_submit, _barrier=barrier, **kwargs):
            _barrier.wait(timeout=20)
            return _real(view, *args, **kwargs)

        monkeypatch.setattr(PaymentDetailsView, "submit", submit_together)
        responses = in_parallel(
            *(lambda c=c: c.post(url("checkout:preview", "en"), {"action": "place_order"}) for c in (first, second))
        )
        monkeypatch.setattr(PaymentDetailsView, "submit", real_submit)

        assert [r.status_code for r in responses] == [302, 302], responses
        assert {r["Location"] for r in responses} == {url("checkout:thank-you", "en")}
        assert Order.objects.count() == attempt + 1
        order = Order.objects.latest("pk")
        assert order.timeline.filter(kind="placed").count() == 1
        assert first.get(url("checkout:thank-you", "en")).context["order"] == order


def test_two_orders_on_account_cannot_both_use_the_last_credit(make_two_baskets):
    company, baskets, create = make_two_baskets
    results = in_parallel(
        *(
            lambda b=b: placement.place(b, lambda b=b: create(b), user=b.owner, payment_method="on-account",
                                        company=company)
            for b in baskets
        )
    )
    refused = [r for r in results if isinstance(r, placement.PlacementRefused)]
    placed = [r for r in results if isinstance(r, Order)]
    assert (len(placed), len(refused)) == (1, 1), results
    assert "available credit" in str(refused[0])


@pytest.fixture
def make_two_baskets(buyer, pen, django_user_model):
    from oscar.test import factories

    from shop.apps.partner.strategy import Selector
    from shop.companies.models import CompanyBasket

    Basket = get_model("basket", "Basket")
    company = Company.objects.create(
        name="Alpha", pays_on_account=True, credit_limit=Decimal("400.00"), billing_currency="CNY"
    )
    colleague = django_user_model.objects.create_user(username="col", email="col@alpha.example", password="x" * 12)
    baskets = []
    for user in (buyer, colleague):
        Membership.objects.create(company=company, user=user)
        basket = Basket.objects.create(owner=user)
        basket.strategy = Selector().strategy(user=user, currency="CNY")
        basket.add_product(pen, 12)  # 300.00 CNY each; together over the 400.00 limit
        CompanyBasket.objects.create(basket=basket, company=company)
        baskets.append(basket)

    def create(basket):
        return factories.create_order(number=str(100000 + basket.pk), basket=basket, user=basket.owner)

    return company, baskets, create
