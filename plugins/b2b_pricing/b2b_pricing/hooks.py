"""What the B2B pricing plugin contributes to the core's extension points (each only calls a service)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from shop.plugins.hookspecs import hookimpl
from shop.plugins.navigation import staff_menu

from .services import order_rules, pricing
from .services.buyers import book_for


@hookimpl
def shop_adjust_price(product: Any, stockrecord: Any, price: Decimal, currency: str, context: dict) -> Decimal:
    return pricing.adjust(product, price, currency, context)


@hookimpl
def shop_purchase_permitted(
    product: Any, stockrecord: Any, quantity: int, user: Any, request: Any, basket: Any
) -> str | None:
    currency = (
        getattr(basket, "currency", None)
        or getattr(getattr(request, "strategy", None), "currency", None)
        or getattr(stockrecord, "price_currency", None)
    )
    book = book_for(user, request, currency) if currency else None
    return order_rules.purchase_problem(book, product, quantity, basket=basket, request=request)


@hookimpl
def shop_order_quantity(product: Any, user: Any, request: Any) -> tuple[int, int] | None:
    currency = getattr(getattr(request, "strategy", None), "currency", None)
    book = book_for(user, request, currency) if currency else None
    return order_rules.order_quantity(book, product, request)


@hookimpl
def shop_order_quantities(products: list, user: Any, request: Any) -> dict[int, tuple[int, int]] | None:
    currency = getattr(getattr(request, "strategy", None), "currency", None)
    book = book_for(user, request, currency) if currency else None
    return order_rules.order_quantities(book, products, request)


@hookimpl
def shop_prices_hidden(user: Any, request: Any) -> bool:
    if request is None:
        return False  # scripts and tasks have no visitor to hide prices from
    return pricing.prices_hidden_for(user if user is not None else getattr(request, "user", None))


@hookimpl
def shop_checkout_validate(basket: Any, user: Any, request: Any) -> list[str]:
    currency = getattr(basket, "currency", None) or getattr(getattr(request, "strategy", None), "currency", None)
    book = book_for(user, request, currency) if currency else None
    return order_rules.basket_problems(book, basket)


@hookimpl
def shop_dashboard_navigation(user: Any) -> list[dict]:
    return staff_menu(user, [
        (_("B2B pricing"), "b2b_pricing_dashboard:index"),
        (_("Price lists"), "b2b_pricing_dashboard:pricelist-list"),
        (_("Contract prices"), "b2b_pricing_dashboard:contract-list"),
        (_("Order rules"), "b2b_pricing_dashboard:rule-list"),
    ])
