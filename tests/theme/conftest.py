"""Fixtures for the storefront theme's tests: a CMS home page, a small catalogue, people in each role."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from oscar.test import factories

from shop.core.roles import GROUP_NAMES, Role

PASSWORD = "Correct-Horse-Stapler-42"


@pytest.fixture
def home_page(db):
    """A HomePage with a hero and a rich-text block, serving as the default site's root."""
    from wagtail.models import Page, Site

    from cms.models import HomePage

    root = Page.get_first_root_node()
    page = HomePage(
        title="Inkstone test shop",
        slug="theme-test-home",
        intro="Wholesale stationery for offices",
        body=[
            (
                "hero",
                {
                    "headline": "Stock the stationery cupboard",
                    "subline": "Pens by the box, paper by the carton.",
                    "button_text": "Shop pens",
                    "button_url": "/en/catalogue/",
                },
            ),
            ("rich_text", "<p>Next-day dispatch from our warehouse.</p>"),
        ],
    )
    root.add_child(instance=page)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": page}
    )
    return page


@pytest.fixture
def make_catalogue(db):
    """Create ``categories`` top-level categories and ``products`` priced products in them."""
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    serial = itertools.count()

    def make(categories: int = 3, products: int = 4) -> dict:
        cats = []
        for _ in range(categories):
            i = next(serial)
            category = create_from_breadcrumbs(f"Theme category {i}")
            category.name_zh_hans = f"主题分类{i}"
            category.save()
            cats.append(category)
        items = []
        for n in range(products):
            i = next(serial)
            product = factories.create_product(
                title=f"Theme gel pen {i}, box of 12",
                price=Decimal("18.50") + i,
                num_in_stock=100,
                partner_sku=f"THEME-{i}",
            )
            product.title_zh_hans = f"主题中性笔{i}（12支装）"
            product.save()
            factories.ProductCategoryFactory(product=product, category=cats[n % len(cats)])
            items.append(product)
        return {"categories": cats, "products": items}

    return make


def _person(django_user_model, username: str, role: Role | None, **extra):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.com", password=PASSWORD, **extra
    )
    if role is not None:
        group, _created = Group.objects.get_or_create(name=GROUP_NAMES[role])
        user.groups.add(group)
    return user


@pytest.fixture
def retail_buyer(db, django_user_model):
    return _person(django_user_model, "retail-buyer", Role.RETAILER)


@pytest.fixture
def operator(db, django_user_model):
    return _person(django_user_model, "operator", Role.OPERATOR, is_staff=True)
