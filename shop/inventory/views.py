"""Company pages: own warehouses and stock, reorder suggestions (+ CSV), shared stock, sharing settings.

Everything is narrowed to the active company; another company's warehouse answers 404.
"""

from __future__ import annotations

import csv

from django.contrib import messages
from django.db.models import F
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, UpdateView

from shop.companies.scoping import CompanyMemberRequiredMixin

from . import reorder, visibility
from .forms import SharingForm

PER_PAGE = 50


class StockOverviewView(CompanyMemberRequiredMixin, TemplateView):
    template_name = "inventory/stock_overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.request.company
        context["page_title"] = _("Stock")
        context["warehouses"] = visibility.own_warehouses(company).order_by("code")
        context["sharing"] = visibility.sharing_of(company)
        return context


class WarehouseDetailView(CompanyMemberRequiredMixin, ListView):
    """One of the company's warehouses with its stock lines."""

    template_name = "inventory/warehouse_detail.html"
    context_object_name = "lines"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.warehouse = get_object_or_404(visibility.own_warehouses(self.request.company), pk=self.kwargs["pk"])
        return (
            self.warehouse.stock_lines.select_related("stockrecord__product")
            .annotate(available_units=F("quantity") - F("reserved"))
            .order_by("stockrecord__partner_sku")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(warehouse=self.warehouse, page_title=self.warehouse.name)
        return context


def _reorder_rows(company) -> list[reorder.ReorderSuggestion]:
    own = reorder.suggestions(visibility.own_stock(company))
    shared = reorder.suggestions(visibility.stock_of_my_products_elsewhere(company))
    return sorted(own + shared, key=lambda s: (s.order_by, -s.quantity, s.stock.pk))


class ReorderView(CompanyMemberRequiredMixin, TemplateView):
    """Suggested reorders for the company's own warehouses and, for a supplier, at distributors who share."""

    template_name = "inventory/reorder.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=_("Reorder suggestions"), suggestions=_reorder_rows(self.request.company))
        return context

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="reorder-suggestions.csv"'
        response.write("\ufeff")  # Excel opens UTF-8 (Chinese names) correctly with a BOM
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Warehouse"),
                _("Company"),
                _("SKU"),
                _("Product"),
                _("Available"),
                _("Shipped per day"),
                _("Reorder point"),
                _("Suggested quantity"),
                _("Order by"),
            ]
        )
        for s in _reorder_rows(self.request.company):
            writer.writerow(
                [
                    s.stock.warehouse.code,
                    getattr(s.stock.warehouse.company, "name", ""),
                    s.stock.stockrecord.partner_sku,
                    s.stock.stockrecord.product.get_title(),
                    s.available,
                    s.daily_velocity,
                    s.reorder_point,
                    s.quantity,
                    s.order_by.isoformat(),
                ]
            )
        return response


class SharedStockView(CompanyMemberRequiredMixin, ListView):
    """For a supplier: its products in the warehouses of companies that share with suppliers."""

    template_name = "inventory/shared_stock.html"
    context_object_name = "lines"
    paginate_by = PER_PAGE

    def get_queryset(self):
        return visibility.stock_of_my_products_elsewhere(self.request.company)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=_("My products at distributors"), is_supplier=bool(self.request.company.partner_id))
        return context


class SupplierStockView(CompanyMemberRequiredMixin, ListView):
    """For a buyer: available stock of suppliers who share it with their customers."""

    template_name = "inventory/supplier_stock.html"
    context_object_name = "lines"
    paginate_by = PER_PAGE

    def get_queryset(self):
        lines = visibility.suppliers_stock_for(self.request.company)
        q = self.request.GET.get("q", "").strip()
        if q:
            lines = lines.filter(stockrecord__partner_sku__iexact=q) | lines.filter(
                stockrecord__product__title__icontains=q
            )
        return lines

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=_("Supplier stock"), q=self.request.GET.get("q", ""))
        return context


class SharingView(CompanyMemberRequiredMixin, UpdateView):
    """The company's choice of who sees its stock; administrators only."""

    required_role_check = "is_admin"
    template_name = "inventory/sharing.html"
    form_class = SharingForm

    def get_object(self, queryset=None):
        return visibility.sharing_of(self.request.company)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = _("Stock sharing")
        return context

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Your stock sharing choices are saved."))
        return HttpResponseRedirect(reverse("inventory:overview"))
