"""The quantity a product card's quantity box starts at and steps by, asked of the plugins once per page.

``{% card_order_quantity product as order %}`` gives ``order.smallest`` and
``order.multiple`` (``1``/``1`` when no enabled plugin has a rule). The first
card of a product list asks ``shop_order_quantities`` for every product of the
page (``page_obj`` of the catalogue, category and search pages, or an
already evaluated ``products`` list); the answers are kept on the request, so
the other cards cost no query and the page's query count does not grow with
its size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from oscar.core.loading import get_model

from shop.plugins.manager import kept_order_quantity, order_quantities

register = template.Library()
Product = get_model("catalogue", "Product")


@dataclass(frozen=True)
class OrderQuantity:
    smallest: int = 1
    multiple: int = 1

    @property
    def is_free(self) -> bool:
        return self.smallest <= 1 and self.multiple <= 1


def listed_products(context: template.Context, product: Any) -> list[Any]:
    """The products of the list ``product`` is shown in (itself at least); never evaluates an unsliced query."""
    page = context.get("page_obj")
    items = getattr(page, "object_list", None)
    if items is None:
        listed = context.get("products")
        items = listed if isinstance(listed, (list, tuple)) else ()
    products = [getattr(item, "object", item) for item in items]
    products = [p for p in products if isinstance(p, Product) and not p.is_parent]
    if all(p.pk != product.pk for p in products):
        products.append(product)
    return products


def _buyer(request: Any) -> Any:
    user = getattr(getattr(request, "strategy", None), "user", None) or getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None


@register.simple_tag(takes_context=True)
def card_order_quantity(context: template.Context, product: Any) -> OrderQuantity:
    """``(smallest, multiple)`` this buyer may order ``product`` in, as an :class:`OrderQuantity`."""
    if getattr(product, "pk", None) is None or product.is_parent:
        return OrderQuantity()
    request = context.get("request")
    kept = kept_order_quantity(product, request)
    if kept is not None:
        return OrderQuantity(*kept)
    answers = order_quantities(listed_products(context, product), _buyer(request), request)
    return OrderQuantity(*answers[product.pk])
