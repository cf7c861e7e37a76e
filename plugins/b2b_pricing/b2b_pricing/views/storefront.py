"""Storefront pages at ``/<lang>/p/b2b_pricing/``: quick order, its autocomplete, and reorder."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView

from shop.companies.scoping import CompanyMemberRequiredMixin

from ..forms.storefront import QuickOrderForm
from ..services import quick_order, reorder

PAD_ROWS = 8


def may_order(request: HttpRequest) -> bool:
    """Company members need a role that orders; people buying for themselves always may."""
    membership = getattr(request, "membership", None)
    return membership is None or membership.can_order


def added_message(request: HttpRequest, result: quick_order.AddResult) -> None:
    if result.problem:
        messages.error(request, result.problem)
        return
    if result.added:
        messages.success(request, ngettext(
            "%(count)d line was added to your basket.", "%(count)d lines were added to your basket.", len(result.added)
        ) % {"count": len(result.added)})
    if result.refused:
        messages.warning(request, ngettext(
            "%(count)d line was not added; see the reason next to it.",
            "%(count)d lines were not added; see the reason next to each.",
            len(result.refused),
        ) % {"count": len(result.refused)})


class QuickOrderView(LoginRequiredMixin, TemplateView):
    template_name = "b2b_pricing/quick_order.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", QuickOrderForm())
        context.setdefault("pad", [])
        context["blank_rows"] = range(max(PAD_ROWS - len(context["pad"]), 2))
        context["may_order"] = may_order(self.request)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = QuickOrderForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            lines = self.read_lines(request, form)
        except quick_order.QuickOrderError as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        if not lines:
            form.add_error(None, _("Enter at least one SKU and quantity."))
            return self.render_to_response(self.get_context_data(form=form))
        quick_order.check_lines(request, lines)
        if request.POST.get("action") == "add":
            if not may_order(request):
                raise PermissionDenied(_("Your role in this company does not allow ordering."))
            result = quick_order.add_to_basket(request, lines)
            added_message(request, result)
            if result.added and not result.refused:
                return redirect("basket:summary")
            pad = result.refused
            checked = lines
        else:
            pad, checked = lines, lines
        return self.render_to_response(
            self.get_context_data(form=QuickOrderForm(), pad=pad, checked=checked, added=request.POST.get("action"))
        )

    @staticmethod
    def read_lines(request: HttpRequest, form: QuickOrderForm) -> list[quick_order.OrderLine]:
        lines = quick_order.lines_from_pad(request.POST.getlist("sku"), request.POST.getlist("quantity"))
        if form.cleaned_data.get("pasted"):
            lines += quick_order.lines_from_text(form.cleaned_data["pasted"])
        if form.cleaned_data.get("upload"):
            lines += quick_order.lines_from_file(form.cleaned_data["upload"])
        for number, line in enumerate(lines, start=1):
            line.number = number
        return lines


class ProductSearchView(LoginRequiredMixin, View):
    """Autocomplete for the pad: at most 10 products, priced for the request's own company only."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
        term = request.GET.get("q", "")
        return JsonResponse({"results": quick_order.suggestions(request, term)})


class ReorderView(CompanyMemberRequiredMixin, TemplateView):
    """A past order of the buyer's company, checked line by line; POST adds the good lines (404 for others' orders)."""

    template_name = "b2b_pricing/reorder.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        order = reorder.order_of_company(self.request, self.kwargs["number"])
        context.update(order=order, lines=reorder.reorder_lines(self.request, order), may_order=may_order(self.request))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        order = reorder.order_of_company(request, kwargs["number"])
        if not may_order(request):
            raise PermissionDenied(_("Your role in this company does not allow ordering."))
        lines = reorder.reorder_lines(request, order)
        result = quick_order.add_to_basket(request, lines)
        added_message(request, result)
        if result.added:
            return redirect("basket:summary")
        return self.render_to_response(self.get_context_data())
