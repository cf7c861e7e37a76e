"""Read side of orders: what an order page shows (groups, lines, shipments, timeline) and the lists
for suppliers and operators, with a fixed number of queries per page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from shop.companies.orders import filter_orders, number_or_sku

from . import stock
from .fulfilment import mergeable_groups, shipped_quantities
from .lifecycle import allowed_targets
from .models import FulfilmentGroup, OrderPayment, ReturnRequest, Shipment, ShipmentLine, State

Order = get_model("order", "Order")
Line = get_model("order", "Line")


@dataclass
class LineRow:
    line: Any
    shipped: int
    open: int
    returnable: int = 0
    pick_from: list = field(default_factory=list)  # [(warehouse, units reserved there)] for suppliers and staff


@dataclass
class GroupView:
    group: FulfilmentGroup
    rows: list[LineRow] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    can_ship: bool = False
    merge_candidates: list[FulfilmentGroup] = field(default_factory=list)


def order_page(order: Any, *, roles: set[str], partner_ids: set[int] | None = None, merge: bool = False) -> dict:
    """Everything an order page shows. ``partner_ids`` limits it to those suppliers' groups (supplier view)."""
    groups_qs = order.fulfilment_groups.select_related("partner", "merged_into__order").order_by("pk")
    if partner_ids is not None:
        groups_qs = groups_qs.filter(partner_id__in=partner_ids)
    groups = list(groups_qs)
    lines = list(order.lines.all().order_by("pk"))
    shipped = shipped_quantities([line.pk for line in lines])
    from .returns import returnable_quantities

    returnable = returnable_quantities(order) if roles & {"buyer"} else {}
    picking = stock.allocations(order) if roles & {"supplier", "staff"} else {}
    views = []
    for group in groups:
        rows = [
            LineRow(
                line, shipped.get(line.pk, 0), line.quantity - shipped.get(line.pk, 0), returnable.get(line.pk, 0),
                picking.get(line.pk, []),
            )
            for line in lines
            if line.partner_id == group.partner_id
        ]
        view = GroupView(group, rows, allowed_targets(group.state, roles))
        view.can_ship = bool(roles & {"supplier", "staff"}) and group.state in (
            State.CONFIRMED, State.IN_PRODUCTION, State.PARTIALLY_SHIPPED
        ) and not group.merged_into_id
        if merge and view.can_ship:
            view.merge_candidates = mergeable_groups(group)
        views.append(view)
    group_ids = [g.pk for g in groups]
    events = order.timeline.select_related("actor", "group__partner")
    shipments = Shipment.objects.filter(lines__line__order=order).distinct().prefetch_related(
        Prefetch("lines", queryset=ShipmentLine.objects.select_related("line"))
    ).order_by("created_at", "pk")
    if partner_ids is not None:
        events = events.filter(Q(group_id__in=group_ids) | Q(group__isnull=True))
        shipments = shipments.filter(group__partner_id__in=partner_ids)
    returns = ReturnRequest.objects.filter(order=order).prefetch_related("lines__line")
    if partner_ids is not None:
        returns = returns.filter(lines__line__partner_id__in=partner_ids).distinct()
    return {
        "order": order,
        "groups": views,
        "timeline": list(events),
        "shipments": list(shipments),
        "payment": OrderPayment.objects.filter(order=order).first(),
        "returns": list(returns),
        "has_returnable": any(returnable.values()),
    }


def supplier_group_list(groups: QuerySet, *, state: str = "", query: str = "") -> QuerySet:
    """A supplier's fulfilment groups, newest first, filtered by state and order number or SKU."""
    groups = groups.select_related("order", "order__company_link__company", "partner").order_by(
        "-order__date_placed", "-pk"
    )
    if state:
        groups = groups.filter(state=state)
    query = query.strip()
    if query:
        groups = groups.filter(number_or_sku(query, "order__"))
    return groups


def staff_order_list(*, state: str = "", query: str = "") -> QuerySet:
    orders = Order.objects.select_related("company_link__company", "payment_info").order_by("-date_placed", "-pk")
    return filter_orders(orders, status=state, number=query)

