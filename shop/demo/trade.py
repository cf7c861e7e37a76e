"""The living side of the demo: companies, stock sharing and thresholds, and orders in several lifecycle states.

Orders go through the real code paths: :func:`shop.orders.placement.place` with the checkout's
order creator (split per supplier, payment record and credit check, stock reservation, timeline),
then :mod:`shop.orders.lifecycle`, :mod:`shop.orders.fulfilment` and :mod:`shop.orders.payments`
for confirmation, shipments, delivery and payment. Each object has a natural key (company name,
order number), so a second run adds nothing.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.apps.shipping.methods import Free
from oscar.core.loading import get_class, get_model

from shop.companies.models import Company, CompanyBasket, Membership
from shop.inventory.alerts import set_stock_levels
from shop.inventory.models import StockSharing, Warehouse, WarehouseStock
from shop.orders import alerts, fulfilment, lifecycle, payments, placement
from shop.orders.creator import BulkOrderCreator
from shop.orders.models import FulfilmentGroup, PaymentTerms, Role, State

from .site_data import COMPANIES, ORDERS, STOCK_LEVELS, OrderSpec

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")

CURRENCY = "CNY"
#: The supplier whose demo account fulfils the demo orders.
ORDER_SUPPLIER = "huadong-stationery"
#: A product is orderable for the demo when this supplier has at least this many units of it free.
MIN_FREE_UNITS = 60


def build(partners: dict, created: Counter[str]) -> None:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=_usernames())}
    companies = ensure_companies(partners, users, created)
    ensure_stock_levels(created)
    ensure_orders(companies, users, partners, created)


def _usernames() -> set[str]:
    names = {member for spec in COMPANIES for member in spec.members}
    return names | {spec.buyer for spec in ORDERS} | {"supplier", "operator"}


# --- companies ---------------------------------------------------------------------------------


def ensure_companies(partners: dict, users: dict, created: Counter[str]) -> dict[str, Company]:
    """The demo companies with their members, warehouses, stock sharing and (for one retailer) credit."""
    found = {c.name: c for c in Company.objects.filter(name__in=[s.name for s in COMPANIES])}
    by_username: dict[str, Company] = {}
    for spec in COMPANIES:
        company = found.get(spec.name)
        if company is None:
            company = Company.objects.create(
                name=spec.name,
                kind=spec.kind,
                billing_currency=CURRENCY,
                partner=partners.get(spec.partner) if spec.partner else None,
                pays_on_account=spec.credit_limit is not None,
                credit_limit=Decimal(spec.credit_limit) if spec.credit_limit else Decimal("0.00"),
            )
            created["companies"] += 1
            if spec.credit_limit is not None:
                PaymentTerms.objects.create(company=company, net_days=spec.net_days)
            if spec.share_with_suppliers or spec.share_with_customers:
                StockSharing.objects.update_or_create(
                    company=company,
                    defaults={
                        "share_with_suppliers": spec.share_with_suppliers,
                        "share_with_customers": spec.share_with_customers,
                    },
                )
        found[spec.name] = company
    _give_warehouses(found, created)
    members = {spec.name: [(users[u], i) for i, u in enumerate(spec.members) if u in users] for spec in COMPANIES}
    existing = set(
        Membership.objects.filter(user__in=users.values(), company__in=found.values()).values_list(
            "user_id", "company_id"
        )
    )
    for name, people in members.items():
        company = found[name]
        for user, position in people:
            by_username.setdefault(user.username, company)
            if (user.pk, company.pk) in existing:
                continue
            role = Membership.Role.ADMIN if position == 0 else Membership.Role.BUYER
            Membership.objects.create(user=user, company=company, role=role)
            created["company memberships"] += 1
    return by_username


def _give_warehouses(companies: dict[str, Company], created: Counter[str]) -> None:
    """Each demo warehouse belongs to its company (one query when they all do already)."""
    codes = [code for spec in COMPANIES for code in spec.warehouses]
    if not Warehouse.objects.filter(code__in=codes, company__isnull=True).exists():
        return
    for spec in COMPANIES:
        moved = Warehouse.objects.filter(code__in=spec.warehouses, company__isnull=True).update(
            company=companies[spec.name]
        )
        created["warehouses given to their company"] += moved


def ensure_stock_levels(created: Counter[str]) -> None:
    """Low-stock thresholds and safety stock on a few lines, set once: when a demo warehouse has any threshold,
    an earlier run (or an operator) has set them and they are left alone."""
    codes = {spec.warehouse for spec in STOCK_LEVELS}
    if WarehouseStock.objects.filter(warehouse__code__in=codes, low_stock_threshold__isnull=False).exists():
        return
    for spec in STOCK_LEVELS:
        lines = list(
            WarehouseStock.objects.filter(warehouse__code=spec.warehouse)
            .select_related("stockrecord")
            .order_by("stockrecord_id")[spec.position : spec.position + 1]
        )
        if not lines:
            continue
        line = lines[0]
        threshold = max(line.available + spec.threshold_above_available, 0)
        set_stock_levels(line, low_stock_threshold=threshold, safety_stock=spec.safety_stock,
                         lead_time_days=line.lead_time_days)
        created["low-stock thresholds"] += 1


# --- orders ------------------------------------------------------------------------------------


def orderable_products(partner: Any) -> list[Any]:
    """Products ``partner`` stocks with enough free units, in a fixed order, each carrying only that
    partner's stock record (the strategy takes a product's first record: the order goes to ``partner``)."""
    records = (
        StockRecord.objects.filter(partner=partner, price__isnull=False)
        .annotate(free=F("num_in_stock") - Coalesce("num_allocated", 0))
        .filter(free__gte=MIN_FREE_UNITS)
        .order_by("product_id")
        .values_list("product_id", flat=True)[:20]
    )
    own = Prefetch("stockrecords", queryset=StockRecord.objects.filter(partner=partner))
    return list(Product.objects.filter(pk__in=list(records)).prefetch_related(own).order_by("pk"))


def ensure_orders(companies: dict[str, Company], users: dict, partners: dict, created: Counter[str]) -> None:
    existing = set(Order.objects.filter(number__in=[s.number for s in ORDERS]).values_list("number", flat=True))
    todo = [spec for spec in ORDERS if spec.number not in existing]
    partner = partners.get(ORDER_SUPPLIER)
    supplier, operator = users.get("supplier"), users.get("operator")
    if not todo or partner is None or supplier is None or operator is None:
        return
    products = orderable_products(partner)
    for spec in todo:
        buyer, company = users.get(spec.buyer), companies.get(spec.buyer)
        if buyer is None or company is None or any(index >= len(products) for index, _qty in spec.items):
            continue  # a small demo catalog (``--products``) may not have the products an order needs
        order = place_order(spec, buyer, company, products)
        advance(order, spec, buyer=buyer, supplier=supplier, operator=operator)
        created["orders"] += 1
    created["order alerts"] += alerts.check()


def place_order(spec: OrderSpec, buyer: Any, company: Company, products: list[Any]) -> Any:
    """Fill a basket for ``company`` and submit it through the real placement code."""
    basket = Basket.objects.create(owner=buyer)
    basket.strategy = Selector().strategy(user=buyer, currency=CURRENCY)
    CompanyBasket.objects.create(basket=basket, company=company)
    for index, quantity in spec.items:
        basket.add_product(products[index], quantity)
    method = Free()
    shipping_charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, shipping_charge)
    placed_at = timezone.now() - timedelta(days=spec.days_ago, hours=3)

    def create_order() -> Any:
        return BulkOrderCreator().place_order(
            basket=basket, total=total, shipping_method=method, shipping_charge=shipping_charge, user=buyer,
            order_number=spec.number, date_placed=placed_at,
        )

    return placement.place(basket, create_order, user=buyer, payment_method=spec.method, company=company)


def advance(order: Any, spec: OrderSpec, *, buyer: Any, supplier: Any, operator: Any) -> None:
    """Move the order's supplier group through ``spec.steps`` as the people who would do it."""
    if spec.paid:
        payments.mark_paid(order, user=operator)
    group = FulfilmentGroup.objects.filter(order=order).order_by("pk").first()
    for step in spec.steps:
        if step == "confirm":
            lifecycle.transition(group, State.CONFIRMED, user=supplier, role=Role.SUPPLIER)
        elif step in ("ship-part", "ship-all"):
            open_lines = fulfilment.open_lines(group)
            if step == "ship-part":  # the first line in full, the rest later
                open_lines = open_lines[:1]
            quantities = {line.pk: todo for line, _ordered, todo in open_lines}
            fulfilment.ship(group, quantities, user=supplier, role=Role.SUPPLIER, carrier="SF Express",
                            tracking_number=f"SF{order.number[-4:]}0{len(quantities)}")
        elif step == "deliver":
            lifecycle.transition(group, State.DELIVERED, user=buyer, role=Role.BUYER)
        group.refresh_from_db()
