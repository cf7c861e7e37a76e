"""What the company home shows each kind of company: orders to repeat, promotions, stock, customers' orders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Max, QuerySet
from django.http import HttpRequest
from oscar.core.loading import get_model

from .models import Company
from .orders import RECENT_ORDERS, company_orders, customer_orders

ConditionalOffer = get_model("offer", "ConditionalOffer")
OrderLine = get_model("order", "Line")
Product = get_model("catalogue", "Product")

#: Cards on the landing page; each is a short list with a link to the full one.
PROMOTIONS_SHOWN = 6
STOCK_PRODUCTS_SHOWN = 20
CUSTOMER_ORDERS_SHOWN = 10


def current_offers(limit: int = PROMOTIONS_SHOWN) -> QuerySet:
    """Oscar's site offers running now (open, within their dates), highest priority first."""
    return ConditionalOffer.active.filter(offer_type=ConditionalOffer.SITE).order_by("-priority", "pk")[:limit]


@dataclass(frozen=True)
class StockRow:
    product: object
    last_ordered: datetime
    message: str
    available: bool


def stock_of_ordered_products(company: Company, strategy: Any, limit: int = STOCK_PRODUCTS_SHOWN) -> list[StockRow]:
    """Public availability of the products the company ordered before, most recently ordered first.

    Three queries whatever the number of products: the products with their
    last order date, and their stock records (prefetched for the strategy).
    """
    recent = (
        OrderLine.objects.filter(order__company_link__company=company, product__isnull=False)
        .values("product_id")
        .annotate(last_ordered=Max("order__date_placed"))
        .order_by("-last_ordered", "product_id")[:limit]
    )
    last_by_product = {row["product_id"]: row["last_ordered"] for row in recent}
    products = Product.objects.filter(pk__in=last_by_product).select_related("product_class").prefetch_related(
        "stockrecords"
    )
    rows = []
    for product in products:
        info = strategy.fetch_for_product(product)
        rows.append(
            StockRow(
                product=product,
                last_ordered=last_by_product[product.pk],
                message=str(info.availability.message or ""),
                available=bool(info.availability.is_available_to_buy),
            )
        )
    rows.sort(key=lambda row: (row.last_ordered, row.product.pk), reverse=True)
    return rows


def landing_for(company: Company, request: HttpRequest) -> dict:
    """The template context of the company home for the kind of company the request acts for."""
    context: dict = {"recent_orders": company_orders(company)[:RECENT_ORDERS]}
    if company.kind in (Company.Kind.RETAILER, Company.Kind.CORPORATE):
        context["show_reorder"] = True
        context["promotions"] = list(current_offers())
        context["show_promotions"] = True
    if company.kind == Company.Kind.DISTRIBUTOR:
        context["show_reorder"] = True
        context["stock_rows"] = stock_of_ordered_products(company, request.strategy)
        context["show_stock"] = True
        context["customer_orders"] = list(customer_orders(company)[:CUSTOMER_ORDERS_SHOWN])
        context["show_customer_orders"] = True
    return context
