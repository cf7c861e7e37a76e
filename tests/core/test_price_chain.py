"""The core strategy runs the plugins' price chain; a disabled plugin stops affecting prices."""

from decimal import Decimal

import pytest
from oscar.test import factories

from shop.apps.partner.strategy import Selector
from shop.plugins import state

pytestmark = pytest.mark.django_db


def test_list_price_without_adjusting_plugin():
    product = factories.create_product(title="Stapler", price=Decimal("25.00"), num_in_stock=3)
    info = Selector().strategy().fetch_for_product(product)
    assert info.price.excl_tax == Decimal("25.00")
    assert info.price.currency == "CNY" or info.price.currency


def test_dummy_plugin_discount_applies_through_oscar_and_stops_when_disabled():
    state.invalidate()
    product = factories.create_product(title="Gel pen DUMMY-DISCOUNT", price=Decimal("10.00"), num_in_stock=3)
    assert Selector().strategy().fetch_for_product(product).price.excl_tax == Decimal("9.00")
    state.set_enabled("dummy", False, source="command", actor="test")
    try:
        assert Selector().strategy().fetch_for_product(product).price.excl_tax == Decimal("10.00")
    finally:
        state.invalidate()


def test_unpriced_stockrecord_is_unavailable():
    product = factories.create_product(title="No price", price=Decimal("1.00"), num_in_stock=3)
    product.stockrecords.update(price=None)
    info = Selector().strategy().fetch_for_product(product)
    assert not info.price.exists


def test_basket_lines_are_priced_for_their_quantity(monkeypatch):

    seen = []

    def spy(product, stockrecord, price, currency, context):
        seen.append((context["quantity"], context["line"] is not None))
        return price

    monkeypatch.setattr("shop.apps.partner.strategy.adjust_price", spy)
    basket = factories.BasketFactory()
    basket.strategy = Selector().strategy()
    product = factories.create_product(title="Pen", price=Decimal("3.50"), num_in_stock=500)
    basket.add_product(product, 24)
    line = basket.all_lines()[0]
    seen.clear()
    basket.strategy.fetch_for_line(line)
    assert seen == [(24, True)]
