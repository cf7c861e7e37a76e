"""Fulfilment per supplier: splitting an order, partial shipments, and merging a buyer's open orders.

A shipment belongs to one supplier's group and may carry lines of the groups
merged into it (the same buyer's other open orders to the same supplier), so
they leave in one parcel. Shipped quantities never exceed ordered quantities;
the inventory service consumes the reservations of what ships.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from . import stock
from .lifecycle import SHIPPABLE, TransitionError, apply_state, record_event
from .models import AlertSettings, FulfilmentGroup, OrderEvent, OrderPayment, Shipment, ShipmentLine, State, SupplierSLA

Line = get_model("order", "Line")


class FulfilmentError(TransitionError):
    """A shipment or merge that breaks a rule; nothing was changed."""


def split_order(order: Any, *, now: Any = None) -> list[FulfilmentGroup]:
    """One group per supplier of the order's lines, each due for confirmation within its supplier's SLA
    (counted from the order's placement)."""
    now = now or order.date_placed or timezone.now()
    partner_ids = sorted({pid for pid in order.lines.values_list("partner_id", flat=True) if pid is not None})
    slas = dict(
        SupplierSLA.objects.filter(partner_id__in=partner_ids).values_list("partner_id", "confirm_within_hours")
    )
    default_hours = AlertSettings.current().confirm_within_hours
    groups = [
        FulfilmentGroup(
            order=order,
            partner_id=pid,
            confirm_due_at=now + timedelta(hours=slas.get(pid, default_hours)),
        )
        for pid in partner_ids
    ]
    return FulfilmentGroup.objects.bulk_create(groups)


def shipped_quantities(line_ids: list[int]) -> dict[int, int]:
    rows = ShipmentLine.objects.filter(line_id__in=line_ids).values("line_id").annotate(total=Sum("quantity"))
    return {row["line_id"]: row["total"] for row in rows}


def groups_shipping_with(group: FulfilmentGroup) -> list[FulfilmentGroup]:
    """The group itself and the groups merged into it, by primary key."""
    return list(
        FulfilmentGroup.objects.filter(Q(pk=group.pk) | Q(merged_into=group)).select_related("order").order_by("pk")
    )


def open_lines(group: FulfilmentGroup) -> list[tuple[Any, int, int]]:
    """(line, ordered, still to ship) for every line this group ships, merged orders' lines included."""
    groups = groups_shipping_with(group)
    lines = list(
        Line.objects.filter(
            Q(*[Q(order_id=g.order_id, partner_id=g.partner_id) for g in groups], _connector=Q.OR)
        ).select_related("order").order_by("order_id", "pk")
    )
    shipped = shipped_quantities([line.pk for line in lines])
    return [(line, line.quantity, line.quantity - shipped.get(line.pk, 0)) for line in lines]


def parse_quantities(raw: dict[str, Any]) -> dict[int, int]:
    """``{"<line id>": "<units>"}`` from a form → ``{line id: units}``; blanks and zeros are skipped.

    Raises :class:`FulfilmentError` for negative, fractional or non-numeric quantities.
    """
    quantities: dict[int, int] = {}
    for key, value in raw.items():
        text = str(value).strip()
        if not text:
            continue
        try:
            line_id, units = int(key), int(text)
        except (TypeError, ValueError):
            message = _("Quantities must be whole numbers of units, got %(value)s.") % {"value": text}
            raise FulfilmentError(message) from None
        if units < 0:
            raise FulfilmentError(_("Quantities cannot be negative."))
        if units:
            quantities[line_id] = units
    return quantities


def ship(
    group: FulfilmentGroup,
    quantities: dict[int, int],
    *,
    user: Any,
    role: str,
    carrier: str = "",
    tracking_number: str = "",
    note: str = "",
) -> Shipment:
    """Record a shipment of ``quantities`` (line id → units) from ``group``; refuses more than is open."""
    if not quantities:
        raise FulfilmentError(_("Enter the quantity shipped for at least one line."))
    if any(not isinstance(q, int) or q < 1 for q in quantities.values()):
        raise FulfilmentError(_("Shipped quantities must be whole numbers of 1 or more."))
    with transaction.atomic():
        group = FulfilmentGroup.objects.select_for_update(of=("self",)).select_related("order").get(pk=group.pk)
        if group.merged_into_id:
            raise FulfilmentError(_("These lines ship together with order %(number)s; ship them from there.")
                                  % {"number": group.merged_into.order.number})
        groups = list(
            FulfilmentGroup.objects.select_for_update(of=("self",)).filter(Q(pk=group.pk) | Q(merged_into=group))
            .select_related("order").order_by("pk")
        )
        for g in groups:
            if g.state not in SHIPPABLE:
                raise FulfilmentError(
                    _("Order %(number)s is %(state)s and cannot be shipped; it must be confirmed first.")
                    % {"number": g.order.number, "state": State(g.state).label}
                )
            _check_paid(g.order)
        open_by_line = {line.pk: (line, todo) for line, _ordered, todo in open_lines(group)}
        for line_id, units in quantities.items():
            if line_id not in open_by_line:
                raise FulfilmentError(_("Line %(line)s is not part of this shipment's orders.") % {"line": line_id})
            line, todo = open_by_line[line_id]
            if units > todo:
                raise FulfilmentError(
                    _("Only %(todo)s of %(title)s are still to ship; %(units)s is too many.")
                    % {"todo": todo, "title": line.title, "units": units}
                )
        per_order: dict[int, dict[int, int]] = defaultdict(dict)
        for line_id, units in quantities.items():
            per_order[open_by_line[line_id][0].order_id][line_id] = units
        for g in groups:
            if g.order_id in per_order:
                try:
                    stock.ship(g.order, per_order[g.order_id], user=user)
                except stock.stock_error() as exc:
                    raise FulfilmentError(str(exc)) from exc
        shipment = Shipment.objects.create(
            group=group, carrier=carrier.strip(), tracking_number=tracking_number.strip(), note=note.strip(),
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        ShipmentLine.objects.bulk_create(
            [ShipmentLine(shipment=shipment, line_id=line_id, quantity=units) for line_id, units in quantities.items()]
        )
        remaining = {line.pk: todo - quantities.get(line.pk, 0) for line, todo in open_by_line.values()}
        for g in groups:
            if g.order_id not in per_order:
                continue
            units = sum(per_order[g.order_id].values())
            text = _("Shipment %(id)s: %(units)s units") % {"id": shipment.pk, "units": units}
            if tracking_number.strip():
                text += " · " + _("tracking %(number)s") % {"number": tracking_number.strip()}
            done = all(remaining[line.pk] == 0 for line, _todo in open_by_line.values() if line.order_id == g.order_id)
            new_state = State.SHIPPED if done else State.PARTIALLY_SHIPPED
            if new_state != g.state:
                apply_state(g, new_state, user=user, role=role, note=text, kind=OrderEvent.Kind.SHIPMENT)
            else:
                record_event(g.order, OrderEvent.Kind.SHIPMENT, group=g, user=user, role=role, note=text)
    return shipment


def _check_paid(order: Any) -> None:
    payment = OrderPayment.objects.filter(order=order).first()
    if payment is not None and payment.status == OrderPayment.Status.PENDING:
        raise FulfilmentError(
            _("Order %(number)s waits for its bank transfer; ship it once staff have marked it paid.")
            % {"number": order.number}
        )


def _buyer_key(order: Any) -> tuple[str, int | None]:
    link = getattr(order, "company_link", None)
    if link is not None:
        return ("company", link.company_id)
    return ("user", order.user_id)


def mergeable_groups(group: FulfilmentGroup) -> list[FulfilmentGroup]:
    """The same buyer's other open, unshipped groups of the same supplier that could ship with ``group``."""
    if group.merged_into_id or group.state not in (State.SUBMITTED, State.CONFIRMED, State.IN_PRODUCTION):
        return []
    candidates = (
        FulfilmentGroup.objects.filter(
            partner_id=group.partner_id,
            state__in=[State.SUBMITTED, State.CONFIRMED, State.IN_PRODUCTION],
            merged_into__isnull=True,
        )
        .exclude(pk=group.pk)
        .exclude(merged_groups__isnull=False)
        .select_related("order", "order__company_link")
        .order_by("order__date_placed", "pk")
    )
    key = _buyer_key(group.order)
    return [g for g in candidates if _buyer_key(g.order) == key and not g.shipments.exists()]


def merge(target: FulfilmentGroup, others: list[FulfilmentGroup], *, user: Any, role: str) -> FulfilmentGroup:
    """Ship ``others`` together with ``target`` (same buyer, same supplier, nothing shipped yet)."""
    if not others:
        raise FulfilmentError(_("Choose at least one order to merge."))
    with transaction.atomic():
        ids = sorted({target.pk, *[g.pk for g in others]})
        locked = {g.pk: g for g in FulfilmentGroup.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
        target = FulfilmentGroup.objects.select_related("order").get(pk=target.pk)
        allowed = {g.pk for g in mergeable_groups(target)}
        for other in others:
            if other.pk not in allowed or other.pk not in locked:
                raise FulfilmentError(
                    _("Order %(number)s cannot be merged: only the same buyer's open, unshipped orders to the same "
                      "supplier can ship together.") % {"number": other.order.number}
                )
        for other in others:
            FulfilmentGroup.objects.filter(pk=other.pk).update(merged_into=target)
            record_event(other.order, OrderEvent.Kind.MERGE, group=other, user=user, role=role,
                         note=_("Ships together with order %(number)s.") % {"number": target.order.number})
        numbers = ", ".join(o.order.number for o in others)
        record_event(target.order, OrderEvent.Kind.MERGE, group=target, user=user, role=role,
                     note=_("Orders %(numbers)s ship together with this order.") % {"numbers": numbers})
    return target
