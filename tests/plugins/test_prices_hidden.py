"""A plugin may hide prices from a visitor (``shop_prices_hidden``): the theme says "Sign in for prices" everywhere.

The dummy plugin hides prices from visitors who are not signed in while the
setting ``DUMMY_HIDE_PRICES`` is True.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test import factories
from shop_dummy_plugin import contract

from shop.apps.partner.purchase import HiddenPrice, SignInForPrices
from shop.apps.partner.strategy import Selector
from shop.plugins import state

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
PRICE = "12.34"
SIGN_IN = "Sign in for prices"


@pytest.fixture
def stapler(private_index):
    """One product in a private search index, so the catalogue and search pages list it."""
    product = factories.create_product(title="Heavy duty stapler", price=Decimal(PRICE), num_in_stock=50)
    private_index()
    return product


@pytest.fixture
def hiding(settings):
    setattr(settings, contract.HIDE_PRICES_SETTING, True)


@pytest.fixture
def buyer(django_user_model):
    return django_user_model.objects.create_user(username="b", email="b@example.com", password="a-long-pass-123")


def pages(product) -> dict[str, str]:
    return {
        "product page": product.get_absolute_url(),
        "catalogue": "/en/catalogue/",
        "search results": "/en/search/?q=stapler",
    }


def test_visitors_see_sign_in_for_prices_instead_of_prices(client, stapler, hiding, django_assert_max_num_queries):
    for name, url in pages(stapler).items():
        with django_assert_max_num_queries(40):
            response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, name
        assert "Heavy duty stapler" in html, name
        assert SIGN_IN in html, name
        assert PRICE not in html, name
        assert f'{reverse("customer:login")}?next=' in html, name
        assert 'action="/en/basket/add/' not in html, name  # no add-to-basket form anywhere


def test_visitors_cannot_add_to_the_basket(client, stapler, hiding):
    response = client.post(reverse("basket:add", kwargs={"pk": stapler.pk}), {"quantity": 1}, follow=True)
    assert "Sign in to see prices and to order." in [str(m) for m in response.context["messages"]]
    assert Basket.objects.filter(lines__product=stapler).count() == 0


def test_signed_in_buyers_see_prices_and_order(client, stapler, hiding, buyer):
    client.force_login(buyer)
    for name, url in pages(stapler).items():
        html = client.get(url).content.decode()
        assert PRICE in html and SIGN_IN not in html, name
    client.post(reverse("basket:add", kwargs={"pk": stapler.pk}), {"quantity": 2})
    assert Basket.objects.get(owner=buyer).all_lines()[0].quantity == 2


@pytest.mark.parametrize("why", ["setting off", "plugin switched off"])
def test_prices_show_when_nobody_hides_them(client, stapler, settings, why):
    setattr(settings, contract.HIDE_PRICES_SETTING, why != "setting off")
    if why == "plugin switched off":
        state.set_enabled(contract.LABEL, False, source="command", actor="test")
    for name, url in pages(stapler).items():
        html = client.get(url).content.decode()
        assert PRICE in html and SIGN_IN not in html, name
    client.post(reverse("basket:add", kwargs={"pk": stapler.pk}), {"quantity": 1})
    assert Basket.objects.filter(lines__product=stapler).count() == 1


def test_the_strategy_answers_hidden_prices_for_products_and_families(hiding):
    parent = factories.create_product(title="Gel pen", structure="parent")
    child = factories.create_product(title="Gel pen red", parent=parent, price=Decimal("2.00"), num_in_stock=5,
                                     product_class=parent.product_class.name)
    strategy = Selector().strategy()
    for product in (child, parent):
        info = strategy.fetch_for_product(product)
        assert isinstance(info.price, HiddenPrice) and not info.price.exists
        assert isinstance(info.availability, SignInForPrices)
        assert not info.availability.is_available_to_buy
        assert str(info.availability.message) == SIGN_IN


@pytest.fixture
def chinese(settings):
    """The core's zh_Hans strings of this feature compiled (as ``make messages`` does), Django's caches reset."""
    import gettext
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    import shop.apps.partner

    source = Path(shop.apps.partner.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    compiled = source.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        with source.open("rb") as f:
            catalog = read_po(f)
        with compiled.open("wb") as out:
            write_mo(out, catalog)
    gettext._translations.clear()
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)


def test_in_chinese(client, stapler, hiding, chinese):
    html = client.get("/zh-hans/catalogue/").content.decode()
    assert "登录后查看价格" in html and "登录后订购" in html and PRICE not in html
    response = client.post(f"/zh-hans/basket/add/{stapler.pk}/", {"quantity": 1}, follow=True)
    assert "请登录后查看价格并下单。" in [str(m) for m in response.context["messages"]]


def test_a_visitors_basket_from_before_prices_were_hidden_still_opens(client, stapler, settings):
    client.post(reverse("basket:add", kwargs={"pk": stapler.pk}), {"quantity": 2})
    setattr(settings, contract.HIDE_PRICES_SETTING, True)
    response = client.get(reverse("basket:summary"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Heavy duty stapler" in html and PRICE not in html
    response = client.get(reverse("checkout:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("customer:login"))
