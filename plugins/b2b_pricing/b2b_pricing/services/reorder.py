"""Ordering a past order of the buyer's company again, under today's prices and order rules."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from shop.companies.orders import company_orders

from .catalog import product_queryset, sku_of
from .quick_order import OrderLine, check_lines


def order_of_company(request: Any, number: str) -> Any:
    """The order ``number`` if it was placed for the request's company; 404 otherwise (never 403)."""
    order = company_orders(getattr(request, "company", None)).filter(number=number).first()
    if order is None:
        raise Http404("no such order for this company")
    return order


def reorder_lines(request: Any, order: Any) -> list[OrderLine]:
    """The order's lines as quick-order lines, checked for this buyer today."""
    lines = list(order.lines.order_by("pk").values_list("product_id", "partner_sku", "upc", "quantity"))
    products = product_queryset().in_bulk({pk for pk, *_rest in lines if pk})
    order_lines, product_of = [], {}
    for number, (product_id, partner_sku, upc, quantity) in enumerate(lines, start=1):
        product = products.get(product_id)
        sku = sku_of(product) if product is not None else (partner_sku or upc or "?")
        order_lines.append(OrderLine(number, sku, str(quantity)))
        if product is not None:
            product_of[number] = product
    return check_lines(request, order_lines, product_of)
