"""Two suppliers with warehouse stock, two buyer companies, and order placement through the real
placement service (basket lock, split per supplier, payment, stock reservation)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test import factories

from shop.apps.partner.strategy import Selector
from shop.companies.models import Company, CompanyBasket, Membership
from shop.inventory.ledger import receive_stock
from shop.inventory.models import Warehouse
from shop.orders import placement

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")

PASSWORD = "a-long-pass-123"  # noqa: S105 - test accounts only


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(django_user_model):
    def make(email: str, **extra):
        return django_user_model.objects.create_user(
            username=email.split("@")[0], email=email, password=PASSWORD, **extra
        )

    return make


@pytest.fixture
def company_a(db):
    return Company.objects.create(
        name="Alpha Stationers", pays_on_account=True, credit_limit=Decimal("1000.00"), billing_currency="CNY"
    )


@pytest.fixture
def company_b(db):
    return Company.objects.create(name="Beta Office Supply")


@pytest.fixture
def buyer_a(make_user, company_a):
    user = make_user("bob@alpha.example")
    Membership.objects.create(user=user, company=company_a, role=Membership.Role.BUYER)
    return user


@pytest.fixture
def buyer_b(make_user, company_b):
    user = make_user("cat@beta.example")
    Membership.objects.create(user=user, company=company_b, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def staff(make_user):
    return make_user("ops@shop.example", is_staff=True)


def _supplier(name: str, code: str, make_user, email: str):
    partner = Partner.objects.create(name=name, code=code)
    user = make_user(email)
    partner.users.add(user)
    warehouse = Warehouse.objects.create(partner=partner, code=f"{code}-wh", name=f"{name} warehouse", city="Ningbo")
    return partner, user, warehouse


@pytest.fixture
def paper_co(db, make_user):
    return _supplier("Paper Co", "paper", make_user, "sam@paper.example")


@pytest.fixture
def pen_works(db, make_user):
    return _supplier("Pen Works", "pens", make_user, "pat@pens.example")


def stocked_product(supplier, title: str, sku: str, price: str, units: int):
    partner, _user, warehouse = supplier
    product = factories.create_product(title=title, partner_name=partner.name, partner_sku=sku, price=Decimal(price))
    record = product.stockrecords.get()
    assert record.partner_id == partner.pk
    if units:
        receive_stock(warehouse, record, units, reason="opening stock")
    return product


@pytest.fixture
def paper(paper_co):
    return stocked_product(paper_co, "A4 paper, carton", "A4-500", "20.00", 100)


@pytest.fixture
def pens(pen_works):
    return stocked_product(pen_works, "Gel pen, box of 12", "GP-12", "7.50", 100)


def fill_basket(user, company, items):
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user, currency="CNY")
    for product, quantity in items:
        basket.add_product(product, quantity)
    if company is not None:
        CompanyBasket.objects.create(basket=basket, company=company)
    return basket


def place(user, company, items, *, method: str = "bank-transfer"):
    """An order placed through :func:`shop.orders.placement.place` (Oscar's order creator inside)."""
    basket = fill_basket(user, company, items)
    order = placement.place(
        basket,
        lambda: factories.create_order(number=str(100000 + basket.pk), basket=basket, user=user),
        user=user,
        payment_method=method,
        company=company,
    )
    order.refresh_from_db()
    return order


@pytest.fixture
def place_order():
    return place
