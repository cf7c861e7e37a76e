"""The buyer's order actions (the order pages themselves are the company's order views)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from shop.companies.scoping import CompanyMemberRequiredMixin

from ..access import buyer_orders
from ..forms import ReturnRequestForm
from ..fulfilment import parse_quantities
from ..lifecycle import TransitionError, cancel_order
from ..models import FulfilmentGroup, Role
from ..returns import request_return, returnable_quantities
from .actions import TransitionAction


def _detail_url(number: str) -> str:
    return reverse("companies:order-detail", kwargs={"number": number})


class BuyerMixin(CompanyMemberRequiredMixin):
    role = Role.BUYER
    required_role_check = "can_order"
    role_denied_message = gettext_lazy("Only buyers and administrators can change orders.")

    def orders(self) -> QuerySet:
        return buyer_orders(self.request.company)

    def get_order(self, number: str):
        order = self.orders().filter(number=number).first()
        if order is None:
            raise Http404(_("No such order in your company."))
        return order

    def groups(self) -> QuerySet:
        return FulfilmentGroup.objects.filter(order__in=self.orders())

    def back_url(self, group) -> str:
        return _detail_url(group.order.number)


class BuyerCancelView(BuyerMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        order = self.get_order(number)
        try:
            cancel_order(order, user=request.user, role=Role.BUYER, note=request.POST.get("note", ""))
        except TransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Order %(number)s is cancelled.") % {"number": order.number})
        return HttpResponseRedirect(_detail_url(order.number))


class BuyerTransitionView(BuyerMixin, TransitionAction):
    """Buyers confirm delivery and complete their orders."""


class BuyerReturnView(BuyerMixin, View):
    template_name = "shop_orders/buyer/return_form.html"

    def dispatch_order(self, number: str):
        order = self.get_order(number)
        lines = [(line, units) for line in order.lines.order_by("pk")
                 if (units := returnable_quantities(order).get(line.pk, 0)) > 0]
        return order, lines

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        order, lines = self.dispatch_order(number)
        return render(request, self.template_name, {"order": order, "lines": lines, "form": ReturnRequestForm(),
                                                    "page_title": _("Return goods")})

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        order, lines = self.dispatch_order(number)
        form = ReturnRequestForm(request.POST)
        error = ""
        if form.is_valid():
            try:
                quantities = parse_quantities({k[4:]: v for k, v in request.POST.items() if k.startswith("qty-")})
                request_return(order, quantities, reason=form.cleaned_data["reason"],
                               note=form.cleaned_data["note"], user=request.user, role=Role.BUYER)
            except TransitionError as exc:
                error = str(exc)
            else:
                messages.success(request, _("Your return request was sent."))
                return HttpResponseRedirect(_detail_url(order.number))
        return render(request, self.template_name, {"order": order, "lines": lines, "form": form, "error": error,
                                                    "posted": request.POST, "page_title": _("Return goods")},
                      status=400)
