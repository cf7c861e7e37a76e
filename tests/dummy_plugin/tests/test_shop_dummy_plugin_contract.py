"""The dummy plugin does what its docstring promises; the core's tests rely on it.

Run with ``SHOP_PLUGINS=dummy`` (the plugin is ``testing_only``, so ``all`` leaves it out).
"""

from __future__ import annotations

import inspect
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from oscar.test import factories
from shop_dummy_plugin import contract
from shop_dummy_plugin.apps import DummyPluginConfig
from shop_dummy_plugin.models import DummyNote

from shop.apps.partner.strategy import Selector
from shop.plugins import hookspecs, manager, state
from shop.plugins.discovery import installed_plugins, parse_allow_list
from shop.plugins.signals import order_placed, order_status_changed

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        contract.LABEL not in settings.SHOP_ALLOWED_PLUGINS,
        reason="the dummy plugin is testing_only: run with SHOP_PLUGINS=dummy",
    ),
]


@pytest.fixture(autouse=True)
def fresh_switches():
    state.invalidate()
    yield
    state.invalidate()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="operator", email="operator@example.com", password="a-long-pass-123", is_staff=True
    )


@pytest.fixture
def buyer(django_user_model):
    return django_user_model.objects.create_user(
        username="buyer", email="buyer@example.com", password="a-long-pass-123"
    )


def product_titled(title: str):
    return type("Product", (), {"title": title, "pk": 1})()


def basket_with(quantity: int):
    basket = factories.BasketFactory()
    basket.strategy = Selector().strategy()
    basket.add_product(factories.create_product(title="Gel pen", price=Decimal("2.50"), num_in_stock=100), quantity)
    return basket


def test_identity_and_test_only():
    found = installed_plugins()[contract.LABEL]
    assert found.config_class is DummyPluginConfig and found.distribution == "inkstone-plugin-dummy"
    assert DummyPluginConfig.testing_only
    assert contract.LABEL not in parse_allow_list("all", installed_plugins())


def test_implements_every_hookspec():
    specs = {name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("shop_")}
    pm = manager.plugin_manager()
    implemented = {caller.name for caller in pm.get_hookcallers(pm.get_plugin(contract.LABEL))}
    assert implemented == specs


@pytest.mark.parametrize(
    ("title", "price", "expected"),
    [
        ("Gel pen DUMMY-DISCOUNT", Decimal("10.00"), Decimal("9.00")),
        ("Gel pen DUMMY-DISCOUNT", Decimal("0.05"), Decimal("0.05")),  # 0.045 rounds half-up
        ("Gel pen DUMMY-DISCOUNT", Decimal("1000"), Decimal("900")),  # JPY: no decimal places
        ("Gel pen", Decimal("10.00"), Decimal("10.00")),
    ],
)
def test_price_adjustment(title, price, expected):
    result = manager.adjust_price(product_titled(title), None, price, "CNY", {"quantity": 1})
    assert result == expected and result.as_tuple().exponent == price.as_tuple().exponent


def test_shipping_method():
    basket = basket_with(1)
    methods = manager.collect("shop_shipping_methods", basket=basket, user=None, shipping_addr=None, request=None)
    assert [m.code for m in methods] == [contract.SHIPPING_CODE]
    charge = methods[0].calculate(basket)
    assert (charge.excl_tax, charge.incl_tax, charge.currency) == (
        contract.SHIPPING_CHARGE,
        contract.SHIPPING_CHARGE,
        basket.currency,
    )


def test_search_field_and_facet():
    fields = manager.hook("shop_search_index_fields")
    assert fields(product=product_titled("Pen DUMMY-DISCOUNT")) == [{contract.INDEX_FIELD: "yes"}]
    assert fields(product=product_titled("Pen")) == [{contract.INDEX_FIELD: "no"}]
    facets = manager.collect("shop_search_facets")
    assert [(f["name"], str(f["label"]), f["field"]) for f in facets] == [
        (contract.INDEX_FIELD, "Dummy discount", contract.INDEX_FIELD)
    ]


def test_checkout_validation_refuses_quantity_13_only():
    refused = manager.collect(
        "shop_checkout_validate", basket=basket_with(contract.REFUSED_QUANTITY), user=None, request=None
    )
    assert len(refused) == 1 and "quantity 13" in refused[0]
    assert manager.collect("shop_checkout_validate", basket=basket_with(12), user=None, request=None) == []


def test_order_quantities_in_packs_of_6_for_the_pack_marker_alone_and_in_bulk():
    boxed, loose = product_titled("Eraser DUMMY-PACK"), product_titled("Eraser")
    loose.pk = 2
    assert manager.order_quantity(boxed) == (contract.PACK_SIZE, contract.PACK_SIZE)
    assert manager.order_quantity(loose) == (1, 1)
    assert manager.hook("shop_order_quantities")(products=[boxed, loose], user=None, request=None) == [
        {boxed.pk: (contract.PACK_SIZE, contract.PACK_SIZE)}
    ]
    assert manager.order_quantities([boxed, loose]) == {boxed.pk: (6, 6), loose.pk: (1, 1)}


def test_dashboard_navigation_for_staff_only(staff, buyer):
    entries = manager.collect("shop_dashboard_navigation", user=staff)
    assert [(str(e["label"]), e["url_name"]) for e in entries] == [("Dummy plugin", "dummy_dashboard:index")]
    assert entries[0]["access_fn"](staff, "dummy_dashboard:index")
    assert manager.collect("shop_dashboard_navigation", user=buyer) == []


def test_cms_block_renders_its_default_text():
    [(name, block)] = manager.collect("shop_cms_blocks")
    assert name == contract.BLOCK_NAME
    html = block.render(block.to_python({}))
    assert html.strip() == f'<p class="dummy-notice">{contract.BLOCK_DEFAULT_TEXT}</p>'


def test_report_lists_notes_of_the_period():
    [report] = manager.collect("shop_report_providers")
    assert report.code == contract.REPORT_CODE and str(report.name) == "Dummy notes"
    note = DummyNote.objects.create(text="in range")
    now = timezone.now()
    rows = report.generate(now - timedelta(minutes=1), now + timedelta(minutes=1))
    assert [(r["id"], r["text"]) for r in rows] == [(note.pk, "in range")]
    assert report.generate(now + timedelta(minutes=1), now + timedelta(minutes=2)) == []


def test_order_signals_are_noted_once():
    order = type("Order", (), {"number": "100077"})()
    order_placed.send(sender=None, order=order, user=None)
    order_placed.send(sender=None, order=order, user=None)
    assert list(DummyNote.objects.values_list("text", flat=True)) == ["order placed: 100077"]
    order_status_changed.send(sender=None, order=order, old_status="Pending", new_status="Shipped")
    assert DummyNote.objects.filter(text="order 100077: Pending -> Shipped").count() == 1


def test_storefront_hello(client):
    response = client.get("/en/p/dummy/hello/")
    assert response.status_code == 200
    assert response.content.decode() == contract.HELLO_TEXT
    assert response["Content-Type"].startswith("text/plain")


def test_dashboard_page_lists_notes_for_staff_only(client, staff, buyer):
    DummyNote.objects.create(text="visible note")
    url = reverse("dummy_dashboard:index")
    client.force_login(buyer)
    assert client.get(url).status_code == 302
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "visible note" in html and 'id="dummy-note-count">1<' in html
    state.set_enabled(contract.LABEL, False, source="command", actor="test")
    assert client.get(url).status_code == 404
