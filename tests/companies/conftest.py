"""Two companies with their people, products and a way to place orders for a company."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test import factories

from shop.apps.partner.strategy import Selector
from shop.companies.models import Company, CompanyBasket, Membership

Basket = get_model("basket", "Basket")

PASSWORD = "a-long-pass-123"  # noqa: S105 - test accounts only


@pytest.fixture(autouse=True)
def _english():
    """Requests to /zh-hans/ leave Chinese active in the thread; each test starts in English."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(django_user_model):
    def make(email: str, **extra):
        username = email.split("@")[0]
        return django_user_model.objects.create_user(username=username, email=email, password=PASSWORD, **extra)

    return make


@pytest.fixture
def company_a(db):
    return Company.objects.create(name="Alpha Stationers", kind=Company.Kind.RETAILER)


@pytest.fixture
def company_b(db):
    return Company.objects.create(name="Beta Office Supply", kind=Company.Kind.RETAILER)


def join(user, company, role=Membership.Role.BUYER) -> Membership:
    return Membership.objects.create(user=user, company=company, role=role)


@pytest.fixture
def admin_a(make_user, company_a):
    user = make_user("ann@alpha.example")
    join(user, company_a, Membership.Role.ADMIN)
    return user


@pytest.fixture
def buyer_a(make_user, company_a):
    user = make_user("bob@alpha.example")
    join(user, company_a, Membership.Role.BUYER)
    return user


@pytest.fixture
def admin_b(make_user, company_b):
    user = make_user("cat@beta.example")
    join(user, company_b, Membership.Role.ADMIN)
    return user


@pytest.fixture
def pen(db):
    return factories.create_product(title="Gel pen, box of 12", price=Decimal("7.50"), num_in_stock=500)


@pytest.fixture
def place_order(pen):
    """Place an Oscar order for ``user``, its basket recorded as bought for ``company`` (as the middleware does)."""

    def place(user, company=None, product=None, quantity: int = 2, status: str = "Pending", **kwargs):
        basket = Basket.objects.create(owner=user)
        basket.strategy = Selector().strategy(user=user, currency="CNY")
        basket.add_product(product or pen, quantity)
        if company is not None:
            CompanyBasket.objects.create(basket=basket, company=company)
        order = factories.create_order(basket=basket, user=user, status=status, **kwargs)
        order.refresh_from_db()  # the generated number is an int until read back
        return order

    return place
