"""Orders placed under the old status pipeline join the lifecycle when shop_orders migrates."""

from __future__ import annotations

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from oscar.core.loading import get_model
from oscar.test import factories

from shop.orders.models import FulfilmentGroup, OrderPayment

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
migration = importlib.import_module("shop.orders.migrations.0003_existing_orders")


@pytest.mark.parametrize(
    ("old", "new", "state", "payment"),
    [
        ("Pending payment", "Submitted", "submitted", "pending"),
        ("Paid", "Submitted", "submitted", "paid"),
        ("Being processed", "Confirmed", "confirmed", "paid"),
        ("Shipped", "Shipped", "shipped", "paid"),
        ("Cancelled", "Cancelled", "cancelled", "void"),
    ],
)
def test_old_orders_get_groups_new_status_and_payment_state(old, new, state, payment):
    from shop.apps.checkout.payment import bank_transfer_source

    order = factories.create_order(status=old)
    source = bank_transfer_source(order.number, order.currency, order.total_incl_tax)
    source.order = order
    source.save()
    if old != "Pending payment":
        source.amount_debited = source.amount_allocated
        source.save()

    migration.forwards(apps, None)

    order.refresh_from_db()
    assert order.status == new
    assert list(FulfilmentGroup.objects.filter(order=order).values_list("state", flat=True)) == [state]
    assert OrderPayment.objects.get(order=order).status == payment
    assert OrderPayment.objects.get(order=order).amount == order.total_incl_tax > Decimal("0")

    migration.forwards(apps, None)  # running again adds nothing
    assert FulfilmentGroup.objects.filter(order=order).count() == 1

    migration.backwards(apps, None)
    order.refresh_from_db()
    assert order.status == old
