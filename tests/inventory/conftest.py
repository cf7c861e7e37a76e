"""Partners with warehouses, stock records and orders to reserve for."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test import factories

from shop.companies.models import Company
from shop.inventory.models import Warehouse

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def distributor(db):
    partner = factories.PartnerFactory(name="Huadong Distribution")
    return Company.objects.create(name="Huadong Distribution", kind=Company.Kind.DISTRIBUTOR, partner=partner)


@pytest.fixture
def record(distributor):
    product = factories.ProductFactory(title="Gel pen, box of 12", stockrecords=None)
    return factories.StockRecordFactory(
        product=product, partner=distributor.partner, partner_sku="GP-12", price=Decimal("7.50"), num_in_stock=0
    )


@pytest.fixture
def shanghai(distributor):
    return Warehouse.objects.create(
        partner=distributor.partner, company=distributor, code="SH", name="Shanghai DC", city="Shanghai", priority=20
    )


@pytest.fixture
def beijing(distributor):
    return Warehouse.objects.create(
        partner=distributor.partner, company=distributor, code="BJ", name="Beijing DC", city="Beijing", priority=10
    )


def make_order(*lines: tuple, city: str = "Shanghai", country: str = "CN") -> Order:
    """An order with ``(stockrecord, quantity)`` lines, shipped to ``city``."""
    country_obj, _created = Country.objects.get_or_create(
        iso_3166_1_a2=country, defaults={"printable_name": country, "name": country}
    )
    address = ShippingAddress.objects.create(
        first_name="Li", last_name="Wei", line1="1 Road", line4=city, postcode="200000", country=country_obj
    )
    number = f"T{next(_numbers):06d}"
    order = Order.objects.create(
        number=number,
        currency="CNY",
        total_incl_tax=Decimal("0.00"),
        total_excl_tax=Decimal("0.00"),
        shipping_address=address,
        guest_email="buyer@example.com",
    )
    for stockrecord, quantity in lines:
        Line.objects.create(
            order=order,
            partner=stockrecord.partner,
            partner_name=stockrecord.partner.name,
            partner_sku=stockrecord.partner_sku,
            stockrecord=stockrecord,
            product=stockrecord.product,
            title=stockrecord.product.title,
            quantity=quantity,
            num_allocated=quantity,
            line_price_incl_tax=stockrecord.price * quantity,
            line_price_excl_tax=stockrecord.price * quantity,
            line_price_before_discounts_incl_tax=stockrecord.price * quantity,
            line_price_before_discounts_excl_tax=stockrecord.price * quantity,
        )
    return order
