"""The basket page's query count does not grow with its lines (the forked basket loads them in a fixed few queries).

Oscar's own ``all_lines()`` left each line's product class (and a variant's
parent) to a query per line: 506 queries at 500 lines.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test import factories

from shop.apps.partner.strategy import Selector

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")


@pytest.fixture(autouse=True)
def _plugin_switches_read_once(settings):
    """The plugin switches are re-read every SHOP_PLUGIN_STATE_TTL (2 s): one query more in whichever
    measured request crosses that moment. Read once here, so the counts compare pages, not the clock."""
    settings.SHOP_PLUGIN_STATE_TTL = 3600


@pytest.fixture
def buyer(django_user_model):
    return django_user_model.objects.create_user(username="b", email="b@example.com", password="a-long-pass-123")


@pytest.fixture
def products(db):
    """Fifty standalone products and fifty variants of ten parents (their class is the parent's)."""
    standalone = [
        factories.create_product(title=f"Folder {n:02d}", price=Decimal("1.50"), num_in_stock=500, upc=f"F-{n:02d}")
        for n in range(50)
    ]
    variants = []
    for n in range(10):
        parent = factories.create_product(title=f"Marker {n}", structure="parent", upc=f"M-{n}")
        variants += [
            factories.create_product(
                title="" if colour == "black" else f"Marker {n} {colour}", parent=parent, price=Decimal("2.10"),
                num_in_stock=500, upc=f"M-{n}-{colour}", product_class=parent.product_class.name,
            )
            for colour in ("black", "red", "blue", "green", "violet")
        ]
    return standalone, variants


def basket_page_queries(client, buyer, lines: list, django_assert_max_num_queries) -> int:
    Basket.objects.filter(owner=buyer).delete()
    basket = Basket.objects.create(owner=buyer)
    basket.strategy = Selector().strategy(user=buyer)
    for product in lines:
        basket.add_product(product, 2)
    client.get(reverse("basket:summary"))  # warm: session, site, plugin switches
    with django_assert_max_num_queries(60) as captured:
        response = client.get(reverse("basket:summary"))
    assert response.status_code == 200
    assert len(response.context["basket"].all_lines()) == len(lines)
    return len(captured.captured_queries)


def test_the_basket_page_costs_the_same_queries_for_5_and_50_lines(client, buyer, products,
                                                                   django_assert_max_num_queries):
    standalone, variants = products
    client.force_login(buyer)
    few = basket_page_queries(client, buyer, standalone[:3] + variants[:2], django_assert_max_num_queries)
    many = basket_page_queries(client, buyer, standalone[:25] + variants[:25], django_assert_max_num_queries)
    assert few == many, (few, many)


def test_variant_lines_show_their_parents_title_and_price(client, buyer, products):
    _standalone, variants = products
    client.force_login(buyer)
    Basket.objects.filter(owner=buyer).delete()
    client.post(reverse("basket:add", kwargs={"pk": variants[0].pk}), {"quantity": 3})
    html = client.get(reverse("basket:summary")).content.decode()
    assert "Marker 0" in html and "6.30" in html
