"""Oscar's own flows call the plugin hooks: shipping methods, checkout validation, dashboard menu."""

from __future__ import annotations

from decimal import Decimal

import pytest
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.test import factories
from shop_dummy_plugin import contract

from shop.apps.checkout.session import CheckoutSessionMixin
from shop.apps.partner.strategy import Selector
from shop.apps.shipping.repository import Repository
from shop.plugins import state

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_switches():
    state.invalidate()
    yield
    state.invalidate()


def basket_with(quantity: int):
    basket = factories.BasketFactory()
    basket.strategy = Selector().strategy()
    product = factories.create_product(title="Copy paper A4", price=Decimal("25.00"), num_in_stock=1000)
    basket.add_product(product, quantity)
    return basket


def codes(basket):
    return [m.code for m in Repository().get_shipping_methods(basket=basket, user=None, request=None)]


def test_plugin_shipping_methods_are_offered_only_while_enabled():
    basket = basket_with(2)
    assert codes(basket)[0] == contract.SHIPPING_CODE
    state.set_enabled("dummy", False, source="command", actor="test")
    assert contract.SHIPPING_CODE not in codes(basket)
    assert codes(basket) == ["free-shipping"]


class _Request:
    def __init__(self, basket):
        self.basket = basket
        self.strategy = basket.strategy
        self.user = None


def test_checkout_validators_refuse_and_stop_when_disabled():
    basket = basket_with(contract.REFUSED_QUANTITY)
    mixin = CheckoutSessionMixin()
    with pytest.raises(FailedPreCondition) as exc:
        mixin.check_basket_is_valid(_Request(basket))
    assert "quantity 13" in exc.value.messages[0]
    state.set_enabled("dummy", False, source="command", actor="test")
    mixin.check_basket_is_valid(_Request(basket))  # no exception: the validator is skipped
