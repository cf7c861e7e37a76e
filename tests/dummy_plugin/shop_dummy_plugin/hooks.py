"""The dummy plugin's implementation of every hook in :mod:`shop.plugins.hookspecs`.

Each hook does one small, fixed thing (listed in the package docstring), with
its values in :mod:`shop_dummy_plugin.contract`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from shop.plugins.hookspecs import hookimpl
from shop.plugins.navigation import staff_menu

from . import contract, services


@hookimpl
def shop_adjust_price(product: Any, stockrecord: Any, price: Decimal, currency: str, context: dict) -> Decimal:
    if services.has_discount_marker(product):
        return services.discounted(price)
    return price


@hookimpl
def shop_shipping_methods(basket: Any, user: Any, shipping_addr: Any, request: Any) -> list:
    from .shipping import DummyCourier

    return [DummyCourier()]


@hookimpl
def shop_search_index_fields(product: Any) -> dict:
    return {contract.INDEX_FIELD: "yes" if services.has_discount_marker(product) else "no"}


@hookimpl
def shop_search_facets() -> list[dict]:
    return [{"name": contract.INDEX_FIELD, "label": _("Dummy discount"), "field": contract.INDEX_FIELD}]


@hookimpl
def shop_checkout_validate(basket: Any, user: Any, request: Any) -> list[str]:
    refused = services.refused_lines(basket.all_lines())
    if not refused:
        return []
    message = ngettext(
        "The dummy plugin refuses baskets with a line of quantity %(quantity)d (%(count)d line).",
        "The dummy plugin refuses baskets with a line of quantity %(quantity)d (%(count)d lines).",
        len(refused),
    )
    return [message % {"quantity": contract.REFUSED_QUANTITY, "count": len(refused)}]


@hookimpl
def shop_purchase_permitted(
    product: Any, stockrecord: Any, quantity: int, user: Any, request: Any, basket: Any
) -> str | None:
    if quantity == contract.PURCHASE_REFUSED_QUANTITY:
        return contract.PURCHASE_REFUSAL
    return None


@hookimpl
def shop_order_quantity(product: Any, user: Any, request: Any) -> tuple[int, int] | None:
    if contract.PACK_MARKER in (getattr(product, "title", "") or ""):
        return (contract.PACK_SIZE, contract.PACK_SIZE)
    return None


@hookimpl
def shop_order_quantities(products: list, user: Any, request: Any) -> dict[int, tuple[int, int]] | None:
    return {
        product.pk: (contract.PACK_SIZE, contract.PACK_SIZE)
        for product in products
        if contract.PACK_MARKER in (getattr(product, "title", "") or "")
    }


@hookimpl
def shop_prices_hidden(user: Any, request: Any) -> bool:
    return services.hides_prices_from(user)


@hookimpl
def shop_dashboard_navigation(user: Any) -> list[dict]:
    return staff_menu(user, [(_("Dummy plugin"), "dummy_dashboard:index")])


@hookimpl
def shop_cms_blocks() -> list[tuple[str, Any]]:
    from .blocks import DummyNoticeBlock

    return [(contract.BLOCK_NAME, DummyNoticeBlock())]


@hookimpl
def shop_report_providers() -> list[Any]:
    from .reports import DummyNotesReport

    return [DummyNotesReport()]
