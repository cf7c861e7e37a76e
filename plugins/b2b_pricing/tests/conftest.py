"""B2B pricing test set-up: two companies, a customer group, gel pens with variants, and helpers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test import factories

from shop.apps.partner.strategy import Selector
from shop.companies.models import Company, CompanyBasket, CustomerGroup, Membership
from shop.plugins import state

LABEL = "b2b_pricing"
PASSWORD = "a-long-pass-123"  # noqa: S105 - test accounts only
Basket = get_model("basket", "Basket")


if LABEL not in settings.SHOP_ALLOWED_PLUGINS:
    # The feature tests need the plugin's tables; test_b2b_pricing_plugin.py explains the skip itself.
    collect_ignore_glob = ["test_b2b_pricing_[!p]*.py"]


@pytest.fixture(autouse=True)
def _english_and_fresh_state():
    from b2b_pricing.services import contents

    state.invalidate()
    contents.clear()
    with translation.override("en"):
        yield
    state.invalidate()


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
def group(db) -> CustomerGroup:
    return CustomerGroup.objects.create(name="Distributors East", code="dist-east")


@pytest.fixture
def company_a(db, group) -> Company:
    company = Company.objects.create(name="Alpha Stationers", kind=Company.Kind.DISTRIBUTOR)
    company.customer_groups.add(group)
    return company


@pytest.fixture
def company_b(db) -> Company:
    return Company.objects.create(name="Beta Office Supply", kind=Company.Kind.RETAILER)


@pytest.fixture
def buyer_a(make_user, company_a):
    user = make_user("bob@alpha.example")
    Membership.objects.create(user=user, company=company_a, role=Membership.Role.BUYER)
    return user


@pytest.fixture
def buyer_b(make_user, company_b):
    user = make_user("cat@beta.example")
    Membership.objects.create(user=user, company=company_b, role=Membership.Role.BUYER)
    return user


@pytest.fixture
def staff(make_user):
    return make_user("ops@inkstone.example", is_staff=True)


@pytest.fixture
def make_product(db):
    def make(sku: str, price: str | None = "3.50", title: str | None = None, stock: int = 10_000, **kwargs):
        return factories.create_product(
            title=title or f"Product {sku}", price=Decimal(price) if price else None, num_in_stock=stock,
            partner_sku=sku, upc=f"UPC-{sku}", **kwargs,
        )

    return make


@pytest.fixture
def pen(make_product):
    """A gel pen sold singly at ¥3.50 list."""
    return make_product("GP-05-BLUE", "3.50", "Gel pen 0.5 blue")


@pytest.fixture
def pen_family(db):
    """A parent gel pen with three colours at ¥3.50 list each."""
    parent = factories.create_product(title="Gel pen 0.5", structure="parent", upc="GP-05")
    children = {}
    for colour in ("black", "red", "green"):
        children[colour] = factories.create_product(
            title=f"Gel pen 0.5 {colour}", parent=parent, price=Decimal("3.50"), num_in_stock=10_000,
            partner_sku=f"GP-05-{colour.upper()}", upc=f"UPC-GP-05-{colour.upper()}",
            product_class=parent.product_class.name,
        )
    return parent, children


@pytest.fixture
def price_list(db):
    """Make a price list with entries ``{product: price}`` and tiers ``{product: [(low, high, price), ...]}``."""
    from b2b_pricing.models import PriceList, PriceListEntry, QuantityBreak, TierTable

    def make(name="List", currency="CNY", entries=None, tiers=None, together=False, **kwargs) -> PriceList:
        price_list = PriceList.objects.create(name=name, currency=currency, **kwargs)
        for product, price in (entries or {}).items():
            PriceListEntry.objects.create(price_list=price_list, product=product, price=Decimal(price))
        for product, breaks in (tiers or {}).items():
            table = TierTable.objects.create(price_list=price_list, product=product, count_variants_together=together)
            for low, high, price in breaks:
                QuantityBreak.objects.create(table=table, min_quantity=low, max_quantity=high, price=Decimal(price))
        price_list.save()  # a new revision, as the services do after every change
        return price_list

    return make


@pytest.fixture
def chinese(settings):
    """The plugin's zh_Hans catalogue compiled (as ``make messages`` does) and Django's caches reset."""
    import gettext
    import os
    import tempfile
    from pathlib import Path

    import b2b_pricing
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    source = Path(b2b_pricing.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    compiled = source.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        with source.open("rb") as f:
            catalog = read_po(f)
        fd, tmp = tempfile.mkstemp(dir=compiled.parent, suffix=".mo")
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog)
        os.replace(tmp, compiled)
    gettext._translations.clear()  # Python keeps each .mo it read by path; read the fresh one
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)  # setting_changed clears Django's loaded catalogues


@pytest.fixture
def place_order():
    """Place an Oscar order for ``user``, its basket recorded as bought for ``company``."""

    def place(user, company, product, quantity: int = 12):
        basket = Basket.objects.create(owner=user)
        basket.strategy = Selector().strategy(user=user, currency="CNY")
        basket.add_product(product, quantity)
        CompanyBasket.objects.create(basket=basket, company=company)
        order = factories.create_order(basket=basket, user=user)
        order.refresh_from_db()
        return order

    return place
