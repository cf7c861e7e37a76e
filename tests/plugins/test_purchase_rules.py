"""Plugins' purchase rules (``shop_purchase_permitted``) hold in Oscar's own add-to-basket, basket and checkout.

The dummy plugin refuses exactly ``contract.PURCHASE_REFUSED_QUANTITY`` (77) of anything.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.partner import availability
from oscar.core.loading import get_model
from oscar.test import factories
from shop_dummy_plugin import contract

from shop.apps.checkout.session import CheckoutSessionMixin
from shop.apps.partner.purchase import PluginRuledAvailability
from shop.apps.partner.strategy import Selector
from shop.plugins import manager, state

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
REFUSED = contract.PURCHASE_REFUSED_QUANTITY


@pytest.fixture
def pencil(db):
    return factories.create_product(title="HB pencil", price=Decimal("1.20"), num_in_stock=1000)


def basket_quantities(client) -> list[int]:
    response = client.get(reverse("basket:summary"))
    return [line.quantity for line in response.context["basket"].all_lines()]


def add(client, product, quantity: int):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}, follow=True)


def shown_messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)] or [str(m) for m in response.context["messages"]]


def test_adding_a_refused_quantity_on_the_product_page_is_refused_with_the_plugins_message(client, pencil):
    response = add(client, pencil, REFUSED)
    assert contract.PURCHASE_REFUSAL in shown_messages(response)
    assert basket_quantities(client) == []
    add(client, pencil, REFUSED - 1)
    assert basket_quantities(client) == [REFUSED - 1]


def test_the_quantity_checked_is_what_the_basket_would_hold(client, pencil):
    add(client, pencil, 70)
    response = add(client, pencil, REFUSED - 70)
    assert contract.PURCHASE_REFUSAL in shown_messages(response)
    assert basket_quantities(client) == [70]
    add(client, pencil, REFUSED - 70 + 1)
    assert basket_quantities(client) == [REFUSED + 1]


def test_changing_a_basket_line_to_a_refused_quantity_is_refused(client, pencil):
    add(client, pencil, 5)
    page = client.get(reverse("basket:summary"))
    formset = page.context["formset"]
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(formset.forms[0].instance.pk),
        "form-0-quantity": str(REFUSED),
    }
    response = client.post(reverse("basket:summary"), data)
    assert contract.PURCHASE_REFUSAL in response.content.decode()
    assert basket_quantities(client) == [5]
    data["form-0-quantity"] = "6"
    client.post(reverse("basket:summary"), data)
    assert basket_quantities(client) == [6]


def test_a_switched_off_plugin_has_no_rule(client, pencil):
    state.set_enabled(contract.LABEL, False, source="command", actor="test")
    add(client, pencil, REFUSED)
    assert basket_quantities(client) == [REFUSED]


class _Request:
    def __init__(self, basket):
        self.basket = basket
        self.strategy = basket.strategy
        self.user = None


def test_checkout_refuses_a_line_that_breaks_a_rule(pencil):
    basket = factories.BasketFactory()
    basket.strategy = Selector().strategy()
    basket.add_product(pencil, REFUSED)  # e.g. added before the rule existed
    with pytest.raises(FailedPreCondition) as exc:
        CheckoutSessionMixin().check_basket_is_valid(_Request(basket))
    assert contract.PURCHASE_REFUSAL in exc.value.messages[0]


def test_the_manager_returns_the_first_reason_and_none_when_all_agree(pencil):
    record = pencil.stockrecords.first()
    assert manager.purchase_refusal(pencil, record, REFUSED) == contract.PURCHASE_REFUSAL
    assert manager.purchase_refusal(pencil, record, 12) is None


def test_rules_do_not_make_a_product_unavailable_on_listings():
    """A box-of-12 product cannot be bought singly, yet it is "available to buy" (listings ask about 1)."""
    asked = []

    def packs_of_12(quantity: int) -> str | None:
        asked.append(quantity)
        return None if quantity % 12 == 0 else "sold in packs of 12"

    policy = PluginRuledAvailability(availability.StockRequired(100), packs_of_12)
    assert policy.is_available_to_buy and asked == []
    assert (policy.code, str(policy.message)) == ("instock", "In stock (100 available)")
    assert policy.is_purchase_permitted(13) == (False, "sold in packs of 12")
    assert policy.is_purchase_permitted(24) == (True, "")
    assert policy.is_purchase_permitted(120)[0] is False  # the stock answer comes first
    assert asked == [13, 24]


def quantity_box(client, product) -> str:
    from bs4 import BeautifulSoup

    html = client.get(product.get_absolute_url()).content.decode()
    return str(BeautifulSoup(html, "html.parser").select_one("#add_to_basket_form input[name=quantity]"))


def test_the_product_pages_quantity_box_starts_at_what_the_plugins_accept(client):
    boxed = factories.create_product(title="Eraser DUMMY-PACK", price=Decimal("0.80"), num_in_stock=100)
    loose = factories.create_product(title="Eraser", price=Decimal("0.80"), num_in_stock=100)
    assert 'value="6"' in quantity_box(client, boxed) and 'data-order-multiple="6"' in quantity_box(client, boxed)
    assert 'value="1"' in quantity_box(client, loose) and "data-order-multiple" not in quantity_box(client, loose)
    state.set_enabled(contract.LABEL, False, source="command", actor="test")
    assert 'value="1"' in quantity_box(client, boxed)


def test_several_plugins_answers_combine_to_a_quantity_all_accept(monkeypatch):
    answers = [(5, 4), None, (1, 6)]
    monkeypatch.setattr(manager, "hook", lambda name: lambda **kwargs: answers)
    assert manager.order_quantity(object()) == (12, 12)  # at least 5, a multiple of both 4 and 6
    answers[:] = []
    assert manager.order_quantity(object()) == (1, 1)
