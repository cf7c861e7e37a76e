"""The buyer's currency: prices converted or explicit, unavailable without a rate, basket re-priced on switch."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.test import factories

from shop.apps.partner.strategy import Selector

pytestmark = pytest.mark.django_db


@pytest.fixture
def pen():
    product = factories.create_product(title="Gel pen", price=Decimal("7.61"), num_in_stock=100)
    return product


def test_base_price_converted_with_the_latest_rate(rates, pen):
    info = Selector().strategy(currency="USD").fetch_for_product(pen)
    assert info.price.currency == "USD"
    assert info.price.excl_tax == Decimal("1.05")  # 7.61 / 7.6123 * 1.0512 = 1.0509 → 1.05
    assert info.price.method == "converted"


def test_explicit_price_wins(rates, pen):
    record = pen.stockrecords.get()
    record.currency_prices = {"USD": "0.99"}
    record.full_clean()
    record.save()
    info = Selector().strategy(currency="USD").fetch_for_product(pen)
    assert (info.price.excl_tax, info.price.method) == (Decimal("0.99"), "explicit")


def test_jpy_has_no_decimals(rates, pen):
    info = Selector().strategy(currency="JPY").fetch_for_product(pen)
    assert info.price.excl_tax == Decimal("162")  # 7.61 / 7.6123 * 162.31 = 162.26


def test_missing_rate_makes_the_product_unavailable_not_wrongly_priced(pen):
    info = Selector().strategy(currency="EUR").fetch_for_product(pen)
    assert not info.price.exists
    assert not info.availability.is_available_to_buy
    assert "currency" in str(info.availability.message)


def test_bad_explicit_prices_are_refused(pen):
    from django.core.exceptions import ValidationError

    record = pen.stockrecords.get()
    for bad in ({"XYZ": "1.00"}, {"USD": "-1"}, {"USD": "abc"}, {"USD": 0.5}):
        record.currency_prices = bad
        with pytest.raises(ValidationError):
            record.full_clean()


def test_switching_currency_reprices_the_basket_and_is_remembered(client, rates, pen, django_user_model):
    buyer = django_user_model.objects.create_user(username="b", email="b@example.com", password="a-long-pass-123")
    client.force_login(buyer)
    response = client.post(reverse("basket:add", kwargs={"pk": pen.pk}), {"quantity": 12})
    assert response.status_code == 302
    response = client.post(reverse("set_currency"), {"currency": "USD", "next": "/en/basket/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/en/basket/"
    basket = response.context["basket"]
    line = basket.all_lines()[0]
    assert (line.price_currency, line.price_excl_tax) == ("USD", Decimal("1.05"))
    assert basket.total_excl_tax == Decimal("12.60")
    assert "re-priced in USD" in response.content.decode()
    from shop.currency.models import BuyerCurrency

    assert BuyerCurrency.objects.get(user=buyer).currency == "USD"


def test_unknown_currency_code_is_refused_with_a_message(client):
    response = client.post(reverse("set_currency"), {"currency": "XYZ", "next": "/en/"}, follow=True)
    assert response.status_code == 200
    assert "That currency is not available" in response.content.decode()
    assert client.session.get("shop_currency") is None


def test_open_redirects_are_refused(client):
    response = client.post(reverse("set_currency"), {"currency": "USD", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_header_offers_every_traded_currency_and_hreflang_alternates(client, settings):
    page = client.get("/en/catalogue/").content.decode()
    for code in settings.SHOP_CURRENCIES:
        assert f'data-currency="{code}"' in page
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/catalogue/"' in page
    assert 'hreflang="en" href="http://testserver/en/catalogue/"' in page


def test_staff_see_whether_a_price_was_converted_or_explicit(client, rates, pen, django_user_model):
    staff = django_user_model.objects.create_user(
        username="s", email="s@example.com", password="a-long-pass-123", is_staff=True
    )
    client.force_login(staff)
    client.post(reverse("set_currency"), {"currency": "USD", "next": "/en/"})
    page = client.get(pen.get_absolute_url()).content.decode()
    assert 'data-price-method="converted"' in page
    record = pen.stockrecords.get()
    record.currency_prices = {"USD": "0.99"}
    record.save()
    page = client.get(pen.get_absolute_url()).content.decode()
    assert 'data-price-method="explicit"' in page
    client.logout()
    assert "data-price-method" not in client.get(pen.get_absolute_url()).content.decode()
