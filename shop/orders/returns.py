"""After-sales: a buyer asks to return shipped units with a reason; staff or the supplier decide.

Accepting puts the units back into stock through the inventory service
(``return_order_lines``) and records the outcome (refund, replacement, credit
note); refusing records why. Each step joins the order's timeline.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from . import stock
from .fulfilment import shipped_quantities
from .lifecycle import TransitionError, record_event
from .models import OrderEvent, ReturnLine, ReturnRequest


class ReturnError(TransitionError):
    """A return request or decision that breaks a rule; nothing was changed."""


def returnable_quantities(order: Any) -> dict[int, int]:
    """Line id → units shipped and not yet asked back (open or accepted requests count)."""
    line_ids = list(order.lines.values_list("pk", flat=True))
    shipped = shipped_quantities(line_ids)
    asked = dict(
        ReturnLine.objects.filter(line_id__in=line_ids)
        .exclude(request__status=ReturnRequest.Status.REFUSED)
        .values("line_id")
        .annotate(total=Sum("quantity"))
        .values_list("line_id", "total")
    )
    return {line_id: shipped.get(line_id, 0) - asked.get(line_id, 0) for line_id in line_ids}


def request_return(
    order: Any, quantities: dict[int, int], *, reason: str, note: str = "", user: Any, role: str
) -> ReturnRequest:
    if reason not in ReturnRequest.Reason.values:
        raise ReturnError(_("Choose a reason for the return."))
    if reason == ReturnRequest.Reason.OTHER and not note.strip():
        raise ReturnError(_("Describe the problem when the reason is “other”."))
    if not quantities:
        raise ReturnError(_("Enter how many units of at least one line you want to return."))
    with transaction.atomic():
        type(order).objects.select_for_update().filter(pk=order.pk).values_list("pk", flat=True).first()
        returnable = returnable_quantities(order)
        titles = dict(order.lines.values_list("pk", "title"))
        for line_id, units in quantities.items():
            if line_id not in returnable:
                raise ReturnError(_("Line %(line)s is not part of this order.") % {"line": line_id})
            if units > returnable[line_id]:
                raise ReturnError(
                    _("Only %(max)s of %(title)s were shipped and not yet returned; %(units)s is too many.")
                    % {"max": returnable[line_id], "title": titles[line_id], "units": units}
                )
        request = ReturnRequest.objects.create(order=order, reason=reason, note=note.strip(), created_by=user)
        ReturnLine.objects.bulk_create(
            [ReturnLine(request=request, line_id=line_id, quantity=units) for line_id, units in quantities.items()]
        )
        record_event(order, OrderEvent.Kind.RETURN, user=user, role=role,
                     note=_("Return %(id)s requested: %(reason)s") % {"id": request.pk,
                                                                      "reason": request.get_reason_display()})
    return request


def decide(
    request: ReturnRequest, *, accept: bool, outcome: str = "", note: str = "", user: Any, role: str
) -> ReturnRequest:
    """Accept (stock back, with an outcome) or refuse (with a note) an open return request."""
    with transaction.atomic():
        request = ReturnRequest.objects.select_for_update(of=("self",)).select_related("order").get(pk=request.pk)
        if request.status != ReturnRequest.Status.REQUESTED:
            raise ReturnError(_("This return was already decided."))
        if accept and outcome not in ReturnRequest.Outcome.values:
            raise ReturnError(_("Choose the outcome: refund, replacement, credit note or none."))
        if not accept and not note.strip():
            raise ReturnError(_("Tell the buyer why the return is refused."))
        if accept:
            quantities = dict(request.lines.values_list("line_id", "quantity"))
            try:
                stock.put_back(request.order, quantities, reason=f"return {request.pk}: {request.reason}", user=user)
            except stock.stock_error() as exc:
                raise ReturnError(str(exc)) from exc
            request.status, request.outcome = ReturnRequest.Status.ACCEPTED, outcome
        else:
            request.status = ReturnRequest.Status.REFUSED
        request.decision_note = note.strip()
        request.decided_by = user
        request.decided_at = timezone.now()
        request.save()
        text = _("Return %(id)s: %(status)s") % {"id": request.pk, "status": request.get_status_display()}
        if accept:
            text += " · " + str(request.get_outcome_display())
        if request.decision_note:
            text += " · " + request.decision_note
        record_event(request.order, OrderEvent.Kind.RETURN, user=user, role=role, note=text)
    return request
