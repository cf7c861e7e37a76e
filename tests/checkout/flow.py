"""A buyer's whole checkout through the test client: currency, basket, address, payment, order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test import factories

from shop.currency import rates as rate_cache
from shop.currency.models import ExchangeRate

Country = get_model("address", "Country")
Order = get_model("order", "Order")

PEN_PRICE_CNY = Decimal("25.00")
# 25.00 CNY / 7.6123 × 1 EUR = 3.2841 → 3.28 EUR; × 162.31 = 533.05 → 533 JPY
PEN_PRICE = {"CNY": Decimal("25.00"), "EUR": Decimal("3.28"), "JPY": Decimal("533")}


def store_rates(valid_on: date | None = None) -> None:
    for quote, value in {"CNY": "7.6123", "JPY": "162.31", "USD": "1.0512"}.items():
        ExchangeRate.objects.create(
            base="EUR", quote=quote, rate=Decimal(value), valid_on=valid_on or date.today(), source="ecb"
        )
    rate_cache.invalidate()


def make_pen():
    product = factories.create_product(title="Gel pen", price=PEN_PRICE_CNY, num_in_stock=500, partner_sku="GP-05")
    product.title_en = "Gel pen 0.5 mm"
    product.title_zh_hans = "中性笔 0.5毫米"
    product.save()
    Country.objects.get_or_create(
        iso_3166_1_a2="CN", defaults={"name": "China", "printable_name": "China", "is_shipping_country": True}
    )
    return product


ADDRESS = {
    "first_name": "Li",
    "last_name": "Wei",
    "line1": "88 Century Avenue",
    "line4": "Shanghai",
    "postcode": "200120",
    "phone_number": "+86 21 5888 8888",
}


def url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def go_to_preview(client, product, *, currency: str = "EUR", language: str = "en", quantity: int = 12):
    """Fill the basket and walk the checkout up to the preview page; returns the preview response."""
    response = client.post(reverse("set_currency"), {"currency": currency, "next": url("basket:summary", language)})
    assert response.status_code == 302
    response = client.post(url("basket:add", language, pk=product.pk), {"quantity": quantity})
    assert response.status_code == 302, response
    response = client.get(url("checkout:index", language), follow=True)
    assert response.redirect_chain[-1][0] == url("checkout:shipping-address", language)
    response = client.post(url("checkout:shipping-address", language), ADDRESS, follow=True)
    if response.redirect_chain[-1][0] == url("checkout:shipping-method", language):
        # Plugins offer more methods (the dummy plugin does): choose the core's free delivery.
        response = client.post(url("checkout:shipping-method", language), {"method_code": "free-shipping"}, follow=True)
    # With free delivery the only method, Oscar chooses it for the buyer; next comes the payment method.
    assert response.redirect_chain[-1][0] == url("checkout:payment-method", language), response.redirect_chain
    response = client.post(url("checkout:payment-method", language), {"method": "bank-transfer"}, follow=True)
    assert response.redirect_chain[-1][0] == url("checkout:preview", language)
    return response


def place_order(client, product, capture, **kwargs):
    """The whole checkout; on-commit work (the confirmation email) runs. Returns (order, thank-you response)."""
    language = kwargs.get("language", "en")
    go_to_preview(client, product, **kwargs)
    with capture(execute=True):
        response = client.post(url("checkout:preview", language), {"action": "place_order"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url("checkout:thank-you", language)
    order = Order.objects.latest("id")
    return order, client.get(response["Location"])
