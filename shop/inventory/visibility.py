"""Who sees whose stock: each company's own choice (``StockSharing``).

* A company always sees its own warehouses.
* A supplier (a company linked to a catalogue partner) sees how much of *its*
  products lies in the warehouses of companies that share with suppliers.
* Any buying company sees the available stock of companies that share with
  customers — e.g. a distributor sees its supplier's factory stock when ordering.
"""

from __future__ import annotations

from django.db.models import F, QuerySet

from shop.companies.models import Company

from .models import StockSharing, Warehouse, WarehouseStock


def sharing_of(company: Company) -> StockSharing:
    sharing, _created = StockSharing.objects.get_or_create(company=company)
    return sharing


def own_warehouses(company: Company | None) -> QuerySet:
    if company is None:
        return Warehouse.objects.none()
    return Warehouse.objects.filter(company=company)


def own_stock(company: Company | None) -> QuerySet:
    return WarehouseStock.objects.filter(warehouse__in=own_warehouses(company))


def _lines() -> QuerySet:
    return WarehouseStock.objects.select_related(
        "warehouse__company", "stockrecord__product", "stockrecord__partner"
    ).annotate(available_units=F("quantity") - F("reserved"))


def stock_of_my_products_elsewhere(company: Company | None) -> QuerySet:
    """For a supplier: its products' lines in other companies' warehouses that share with suppliers."""
    if company is None or company.partner_id is None:
        return WarehouseStock.objects.none()
    return (
        _lines()
        .filter(
            stockrecord__product__stockrecords__partner_id=company.partner_id,
            warehouse__company__stock_sharing__share_with_suppliers=True,
        )
        .exclude(warehouse__company=company)
        .distinct()
        .order_by("stockrecord__product__title", "warehouse__code")
    )


def suppliers_stock_for(company: Company | None) -> QuerySet:
    """For a buyer: lines of other companies that share their stock with customers."""
    if company is None:
        return WarehouseStock.objects.none()
    return (
        _lines()
        .filter(warehouse__company__stock_sharing__share_with_customers=True)
        .exclude(warehouse__company=company)
        .order_by("stockrecord__product__title", "warehouse__company__name", "warehouse__code")
    )
