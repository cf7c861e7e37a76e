"""The order state machine: which role may move a supplier's part of an order from which state to which.

Each :class:`~shop.orders.models.FulfilmentGroup` (one supplier's lines of an
order) moves through::

    submitted → confirmed → in production → partially shipped → shipped → delivered → completed
             ↘ rejected (with a reason)        (shipping states are reached only by recording shipments)
    submitted / confirmed / in production → cancelled (who may cancel depends on the state)

Every transition is written to the order's timeline, and the Oscar ``Order.status``
is recomputed as the summary of the order's groups (:func:`summary_state`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.apps.order.signals import order_status_changed
from oscar.core.loading import get_model

from . import stock
from .models import FulfilmentGroup, OrderEvent, OrderPayment, Role, State

Order = get_model("order", "Order")
OrderStatusChange = get_model("order", "OrderStatusChange")

#: Oscar's ``Order.status`` holds these (untranslated) names; keep OSCAR_ORDER_STATUS_PIPELINE in step.
STATUS_NAMES: dict[str, str] = {
    State.SUBMITTED: "Submitted",
    State.CONFIRMED: "Confirmed",
    State.REJECTED: "Rejected",
    State.IN_PRODUCTION: "In production",
    State.PARTIALLY_SHIPPED: "Partially shipped",
    State.SHIPPED: "Shipped",
    State.DELIVERED: "Delivered",
    State.COMPLETED: "Completed",
    State.CANCELLED: "Cancelled",
}
STATE_OF_STATUS = {name: state for state, name in STATUS_NAMES.items()}

B, S, T, SYS = Role.BUYER, Role.SUPPLIER, Role.STAFF, Role.SYSTEM

#: (from, to) → the roles that may make the move by hand.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (State.SUBMITTED, State.CONFIRMED): frozenset({S, T}),
    (State.SUBMITTED, State.REJECTED): frozenset({S, T}),
    (State.SUBMITTED, State.CANCELLED): frozenset({B, T, SYS}),  # system: unpaid, reservation expired
    (State.CONFIRMED, State.IN_PRODUCTION): frozenset({S, T}),
    (State.CONFIRMED, State.CANCELLED): frozenset({B, T, SYS}),
    (State.IN_PRODUCTION, State.IN_PRODUCTION): frozenset({S, T}),  # a new progress note
    (State.IN_PRODUCTION, State.CANCELLED): frozenset({T, SYS}),
    (State.SHIPPED, State.DELIVERED): frozenset({B, S, T}),
    (State.DELIVERED, State.COMPLETED): frozenset({B, T}),
}

#: Reached only by recording a shipment (:mod:`shop.orders.fulfilment`).
SHIPPABLE = (State.CONFIRMED, State.IN_PRODUCTION, State.PARTIALLY_SHIPPED)

_RANK = [
    State.SUBMITTED,
    State.CONFIRMED,
    State.IN_PRODUCTION,
    State.PARTIALLY_SHIPPED,
    State.SHIPPED,
    State.DELIVERED,
    State.COMPLETED,
]
_CLOSED = (State.REJECTED, State.CANCELLED)


class TransitionError(ValueError):
    """A state change that is not allowed; nothing was changed. ``str()`` is a message for the user."""


def state_label(state: str) -> str:
    return str(State(state).label) if state in State.values else state


def allowed_targets(state: str, roles: Iterable[str]) -> list[str]:
    """The states ``roles`` may move a group in ``state`` to by hand (for the action buttons)."""
    roles = set(roles)
    return [to for (frm, to), who in TRANSITIONS.items() if frm == state and who & roles]


def _refusal(state: str, to_state: str, role: str) -> str:
    if to_state == State.CANCELLED:
        if state in (State.PARTIALLY_SHIPPED, State.SHIPPED, State.DELIVERED, State.COMPLETED):
            return _("Goods have already been shipped, so this order cannot be cancelled; request a return instead.")
        if state in _CLOSED:
            return _("This order is already closed.")
        if role == B:
            return _("Production has started; only our staff can cancel this order now. Please contact us.")
    if to_state in (State.PARTIALLY_SHIPPED, State.SHIPPED):
        return _("Record a shipment to mark goods as shipped.")
    return _("An order that is %(state)s cannot be set to %(new)s by a %(role)s.") % {
        "state": state_label(state),
        "new": state_label(to_state),
        "role": str(Role(role).label).lower(),
    }


def check_transition(state: str, to_state: str, role: str) -> None:
    if role not in TRANSITIONS.get((state, to_state), frozenset()):
        raise TransitionError(_refusal(state, to_state, role))


def summary_state(states: Iterable[str]) -> str:
    """The order's state from its groups' states: the least advanced open group, "partially shipped"
    while some groups have shipped and others not; rejected/cancelled only when every group is."""
    states = list(states)
    open_states = [s for s in states if s not in _CLOSED]
    if not open_states:
        if states and all(s == State.REJECTED for s in states):
            return State.REJECTED
        return State.CANCELLED
    lowest = min(open_states, key=_RANK.index)
    if _RANK.index(lowest) < _RANK.index(State.PARTIALLY_SHIPPED) and any(
        _RANK.index(s) >= _RANK.index(State.PARTIALLY_SHIPPED) for s in open_states
    ):
        return State.PARTIALLY_SHIPPED
    return lowest


def record_event(
    order: Any,
    kind: str,
    *,
    group: FulfilmentGroup | None = None,
    user: Any = None,
    role: str = Role.SYSTEM,
    note: str = "",
    from_state: str = "",
    to_state: str = "",
) -> OrderEvent:
    return OrderEvent.objects.create(
        order=order,
        group=group,
        kind=kind,
        actor=user if getattr(user, "is_authenticated", False) else None,
        role=role,
        note=note,
        from_state=from_state,
        to_state=to_state,
    )


def sync_order_status(order: Any) -> str:
    """Write the summary of the order's groups to Oscar's ``Order.status`` (with Oscar's history and signal)."""
    new_status = STATUS_NAMES[summary_state(order.fulfilment_groups.values_list("state", flat=True))]
    old_status = Order.objects.filter(pk=order.pk).values_list("status", flat=True).get()
    if new_status != old_status:
        Order.objects.filter(pk=order.pk).update(status=new_status)
        order.status = new_status
        OrderStatusChange.objects.create(order=order, old_status=old_status, new_status=new_status)
        order_status_changed.send(sender=Order, order=order, old_status=old_status, new_status=new_status)
    return new_status


def apply_state(
    group: FulfilmentGroup, to_state: str, *, user: Any, role: str, note: str = "", kind: str = OrderEvent.Kind.STATE
) -> FulfilmentGroup:
    """Set a locked group's state without the hand-transition check (shipments use this); records it."""
    from_state = group.state
    group.state = to_state
    group.save(update_fields=["state", "updated_at", "progress_note", "rejection_reason"])
    record_event(group.order, kind, group=group, user=user, role=role, note=note,
                 from_state=from_state, to_state=to_state)
    sync_order_status(group.order)
    return group


def transition(group: FulfilmentGroup, to_state: str, *, user: Any, role: str, note: str = "") -> FulfilmentGroup:
    """Move a supplier's part of an order to ``to_state`` as ``role``; raises :class:`TransitionError`.

    Rejecting needs a reason. Rejecting and cancelling release the group's stock
    reservations through the inventory service in the same transaction.
    """
    note = (note or "").strip()
    with transaction.atomic():
        locked = FulfilmentGroup.objects.select_for_update(of=("self",)).select_related("order", "partner")
        group = locked.get(pk=group.pk)
        check_transition(group.state, to_state, role)
        if to_state == State.REJECTED and not note:
            raise TransitionError(_("Give the buyer a reason for the rejection."))
        if to_state == State.IN_PRODUCTION and group.state == State.IN_PRODUCTION and not note:
            raise TransitionError(_("Write a progress note."))
        if to_state == State.IN_PRODUCTION:
            group.progress_note = note
        if to_state == State.REJECTED:
            group.rejection_reason = note
        if to_state in _CLOSED:
            lines = list(group.lines())
            reason = "order rejected" if to_state == State.REJECTED else "order cancelled"
            stock.release(group.order, lines=lines, reason=reason, user=user)
        apply_state(group, to_state, user=user, role=role, note=note)
        if to_state in _CLOSED:
            _void_payment_if_closed(group.order)
    return group


def cancel_order(order: Any, *, user: Any, role: str, note: str = "") -> list[FulfilmentGroup]:
    """Cancel every open group of an order, or nothing when any group may not be cancelled by ``role``."""
    with transaction.atomic():
        groups = list(FulfilmentGroup.objects.select_for_update().filter(order=order).order_by("pk"))
        open_groups = [g for g in groups if g.state not in _CLOSED]
        if not open_groups:
            raise TransitionError(_("This order is already closed."))
        for group in open_groups:
            check_transition(group.state, State.CANCELLED, role)
        return [transition(g, State.CANCELLED, user=user, role=role, note=note) for g in open_groups]


def cancel_unpaid(order: Any) -> int:
    """Cancel the open groups of an order whose stock hold expired before it was paid; returns how many.

    Orders already paid or on account, and groups already shipping or closed, are left alone.
    """
    if not OrderPayment.objects.filter(order=order, status=OrderPayment.Status.PENDING).exists():
        return 0
    cancelled = 0
    note = _("Not paid in time: the stock reservation expired.")
    for group in FulfilmentGroup.objects.filter(order=order).order_by("pk"):
        if (group.state, State.CANCELLED) in TRANSITIONS and Role.SYSTEM in TRANSITIONS[(group.state, State.CANCELLED)]:
            transition(group, State.CANCELLED, user=None, role=Role.SYSTEM, note=note)
            cancelled += 1
    return cancelled


def _void_payment_if_closed(order: Any) -> None:
    """A fully rejected or cancelled order owes nothing: its open payment (or account debt) is void."""
    if summary_state(order.fulfilment_groups.values_list("state", flat=True)) in _CLOSED:
        OrderPayment.objects.filter(
            order=order, status__in=[OrderPayment.Status.PENDING, OrderPayment.Status.ON_ACCOUNT]
        ).update(status=OrderPayment.Status.VOID)


def overdue_groups(now: Any = None):
    """Groups still waiting for the supplier's confirmation after their confirm-by time."""
    now = now or timezone.now()
    return FulfilmentGroup.objects.filter(state=State.SUBMITTED, confirm_due_at__lt=now)
