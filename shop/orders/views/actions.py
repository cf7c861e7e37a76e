"""POST actions on a supplier's part of an order, shared by the supplier pages and the staff dashboard.

Each view finds the group through the acting role's queryset (another
supplier's group is a 404), calls one service and reports its message.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views import View

from .. import fulfilment, returns
from ..lifecycle import TransitionError, state_label, transition
from ..models import FulfilmentGroup, ReturnRequest


class GroupActionView(View):
    """Base: ``role`` acts on a group from ``groups()``; subclasses implement ``act``."""

    http_method_names = ["post"]
    role: str = ""

    def groups(self) -> QuerySet:
        raise Http404

    def back_url(self, group: FulfilmentGroup) -> str:
        raise Http404

    def get_group(self, pk: int) -> FulfilmentGroup:
        group = self.groups().select_related("order", "partner").filter(pk=pk).first()
        if group is None:
            raise Http404(_("No such order."))
        return group

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        group = self.get_group(pk)
        try:
            message = self.act(request, group)
        except TransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, message)
        return HttpResponseRedirect(self.back_url(group))

    def act(self, request: HttpRequest, group: FulfilmentGroup) -> str:
        raise Http404


class TransitionAction(GroupActionView):
    def act(self, request: HttpRequest, group: FulfilmentGroup) -> str:
        to_state = request.POST.get("to_state", "")
        transition(group, to_state, user=request.user, role=self.role, note=request.POST.get("note", ""))
        return _("Order %(number)s: %(state)s.") % {"number": group.order.number, "state": state_label(to_state)}


class ShipAction(GroupActionView):
    def act(self, request: HttpRequest, group: FulfilmentGroup) -> str:
        raw = {key[4:]: value for key, value in request.POST.items() if key.startswith("qty-")}
        quantities = fulfilment.parse_quantities(raw)
        shipment = fulfilment.ship(
            group, quantities, user=request.user, role=self.role,
            carrier=request.POST.get("carrier", ""), tracking_number=request.POST.get("tracking_number", ""),
            note=request.POST.get("note", ""),
        )
        return _("Shipment %(id)s recorded.") % {"id": shipment.pk}


class MergeAction(GroupActionView):
    def act(self, request: HttpRequest, group: FulfilmentGroup) -> str:
        try:
            ids = [int(v) for v in request.POST.getlist("merge")]
        except ValueError:
            raise fulfilment.FulfilmentError(_("Choose orders from the list.")) from None
        others = list(self.groups().select_related("order").filter(pk__in=ids))
        if len(others) != len(set(ids)):
            raise fulfilment.FulfilmentError(_("Choose orders from the list."))
        fulfilment.merge(group, others, user=request.user, role=self.role)
        return _("%(count)s orders now ship together with order %(number)s.") % {
            "count": len(others), "number": group.order.number
        }


class ReturnDecisionAction(View):
    """Accept or refuse a return request; ``requests()`` scopes which requests the role may decide."""

    http_method_names = ["post"]
    role: str = ""

    def requests(self) -> QuerySet:
        raise Http404

    def back_url(self, request_obj: ReturnRequest) -> str:
        raise Http404

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.requests().select_related("order").filter(pk=pk).first()
        if obj is None:
            raise Http404(_("No such return request."))
        accept = request.POST.get("decision") == "accept"
        try:
            returns.decide(obj, accept=accept, outcome=request.POST.get("outcome", ""),
                           note=request.POST.get("note", ""), user=request.user, role=self.role)
        except TransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Return %(id)s decided.") % {"id": obj.pk})
        return HttpResponseRedirect(self.back_url(obj))


def quantities_from_post(post: Any) -> dict[int, int]:
    return fulfilment.parse_quantities({k[4:]: v for k, v in post.items() if k.startswith("qty-")})
