"""Product list cards start their quantity box at what the plugins accept (``shop_order_quantities``).

The dummy plugin orders titles containing ``DUMMY-PACK`` in packs of 6. The
cards of a page ask the plugins once for all of the page's products.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import RequestFactory
from oscar.core.loading import get_model
from oscar.test import factories
from shop_dummy_plugin import contract

from shop.plugins import manager, state

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(contract.LABEL not in settings.SHOP_ALLOWED_PLUGINS, reason="needs SHOP_PLUGINS=dummy"),
]
Basket = get_model("basket", "Basket")


@pytest.fixture(autouse=True)
def fresh_switches():
    state.invalidate()
    yield
    state.set_enabled(contract.LABEL, True, source="command", actor="test")
    state.invalidate()


@pytest.fixture
def listed(private_index):
    """Ten products in a private search index: every third one sold in packs of 6 (DUMMY-PACK)."""
    products = [
        factories.create_product(title=f"Eraser {n:02d}{' DUMMY-PACK' if n % 3 == 0 else ''}",
                                 price=Decimal("0.80"), num_in_stock=500, partner_sku=f"ER-{n:02d}")
        for n in range(10)
    ]
    private_index()
    return products


def boxes(html: bytes) -> dict[int, dict]:
    page = BeautifulSoup(html, "html.parser")
    cards = page.select("article.product_pod input.product-card__qty")
    return {int(box["id"].removeprefix("qty-")): box.attrs for box in cards}


@pytest.fixture
def hook_calls(monkeypatch) -> list[list[int]]:
    """The product pks of every ``shop_order_quantities`` call."""
    calls: list[list[int]] = []
    real = manager.hook

    def spying(name: str):
        caller = real(name)
        if name != "shop_order_quantities":
            return caller

        def call(**kwargs):
            calls.append([p.pk for p in kwargs["products"]])
            return caller(**kwargs)

        return call

    monkeypatch.setattr(manager, "hook", spying)
    return calls


@pytest.mark.parametrize("url", ["/en/catalogue/", "/en/search/?q=eraser"])
def test_cards_start_at_the_pack_and_the_plugins_are_asked_once_per_page(client, listed, hook_calls, url):
    found = boxes(client.get(url).content)
    assert set(found) == {p.pk for p in listed}
    for product in listed:
        box = found[product.pk]
        expected = "6" if "DUMMY-PACK" in product.title else "1"
        assert (box["value"], box["min"], box["step"], box["data-order-multiple"]) == (expected,) * 4, product.title
    assert len(hook_calls) == 1 and sorted(hook_calls[0]) == sorted(p.pk for p in listed)


def test_adding_a_pack_from_its_card(client, listed):
    boxed = listed[0]
    page = BeautifulSoup(client.get("/en/catalogue/").content, "html.parser")
    form = page.select_one(f"#qty-{boxed.pk}").find_parent("form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    client.post(form["action"], data)
    response = client.get("/en/basket/")
    assert [(line.product_id, line.quantity) for line in response.context["basket"].all_lines()] == [(boxed.pk, 6)]


def test_switched_off_the_cards_start_at_1_again(client, listed, hook_calls):
    state.set_enabled(contract.LABEL, False, source="command", actor="test")
    found = boxes(client.get("/en/catalogue/").content)
    assert {(box["value"], box["step"]) for box in found.values()} == {("1", "1")}
    assert "Packs of" not in client.get("/en/catalogue/").content.decode()


def test_answers_of_several_plugins_combine_and_are_kept_on_the_request(monkeypatch):
    one, two, three = (type("Product", (), {"pk": pk})() for pk in (1, 2, 3))
    answers = [{1: (5, 4), 2: (3, 1)}, {1: (1, 6)}, None]
    asked: list[list[int]] = []

    def fake_hook(name):
        def call(products, user, request):
            asked.append([p.pk for p in products])
            return answers
        return call

    monkeypatch.setattr(manager, "hook", fake_hook)
    request = RequestFactory().get("/")
    assert manager.order_quantities([one, two], request=request) == {1: (12, 12), 2: (3, 1)}
    assert manager.kept_order_quantity(one, request) == (12, 12) and manager.kept_order_quantity(three, request) is None
    assert manager.order_quantities([one, two, three], request=request) == {1: (12, 12), 2: (3, 1), 3: (1, 1)}
    assert asked == [[1, 2], [3]]  # the second call asked only for the product not yet answered
