"""The storefront template tags: what they choose and what they cost."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from oscar.apps.partner.strategy import Default
from oscar.test import factories

from shop.core.templatetags.storefront import featured_products, is_section_of, nav_icon, safe_link


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/catalogue/", "/en/catalogue/"),
        ("https://example.com/sale", "https://example.com/sale"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("data:text/html,hi", ""),
        ("", ""),
    ],
)
def test_safe_link(url, expected):
    assert safe_link(url) == expected


def test_is_section_of():
    assert is_section_of("/en/catalogue/pens_1/", "/en/catalogue/")
    assert is_section_of("/en/catalogue/", "/en/catalogue/")
    assert not is_section_of("/en/basket/", "/en/catalogue/")
    assert not is_section_of("/en/catalogue/", "")


def test_nav_icon_falls_back_for_unknown_names():
    assert nav_icon("cart") == "fa-cart-shopping"
    assert nav_icon("no-such-icon") == "fa-circle-dot"


@pytest.mark.django_db
def test_featured_products_are_recent_browsable_products_only():
    # given
    older = factories.create_product(title="Older pen", price=Decimal("5.00"), num_in_stock=5)
    hidden = factories.create_product(title="Hidden pen", price=Decimal("5.00"), num_in_stock=5, is_public=False)
    parent = factories.create_product(title="Pen family", structure="parent")
    child = factories.create_product(title="Pen family, red", parent=parent, price=Decimal("6.00"), num_in_stock=5)
    newest = factories.create_product(title="Newest pen", price=Decimal("7.00"), num_in_stock=5)

    # when
    products = featured_products(limit=10)

    # then
    assert products[0] == newest
    assert {older, parent, newest} <= set(products)
    assert hidden not in products
    assert child not in products


@pytest.mark.django_db
def test_featured_products_cost_the_same_queries_for_two_or_twenty_products():
    def queries_for_rendering() -> int:
        request = RequestFactory().get("/en/")
        request.strategy = Default()
        with CaptureQueriesContext(connection) as captured:
            products = featured_products(limit=50)
            for product in products:
                info = (
                    request.strategy.fetch_for_parent(product)
                    if product.is_parent
                    else (request.strategy.fetch_for_product(product))
                )
                assert info is not None
                product.primary_image()
                product.get_title()
        return len(captured)

    parent = factories.create_product(title="Pad family", structure="parent")
    factories.create_product(title="Pad, A5", parent=parent, price=Decimal("3.00"), num_in_stock=5)
    factories.create_product(title="Stapler", price=Decimal("9.00"), num_in_stock=5)
    few = queries_for_rendering()
    for i in range(18):
        factories.create_product(title=f"Paper {i}", price=Decimal("9.00"), num_in_stock=5)
    assert queries_for_rendering() == few


@pytest.mark.django_db
def test_top_level_categories_are_browsable_roots_and_asked_once_per_request():
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    # given
    create_from_breadcrumbs("Pens > Gel pens")
    create_from_breadcrumbs("Paper")
    hidden = create_from_breadcrumbs("Hidden")
    hidden.is_public = False
    hidden.save()
    template = Template(
        "{% load storefront %}{% top_level_categories as a %}{% top_level_categories as b %}"
        "{% for c in a %}{{ c.name }};{% endfor %}|{% for c in b %}{{ c.name }};{% endfor %}"
    )
    request = RequestFactory().get("/en/")

    # when
    with CaptureQueriesContext(connection) as captured:
        rendered = template.render(Context({"request": request}))

    # then
    assert rendered == "Pens;Paper;|Pens;Paper;"
    assert len(captured) == 1
