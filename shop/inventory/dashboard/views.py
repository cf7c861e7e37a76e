"""Staff pages: warehouses and their stock, the movement ledger, receipts, adjustments, transfers, alerts."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, F, Q, Sum
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, UpdateView

from shop.core import audit

from .. import services
from ..forms import AdjustmentForm, LevelsForm, MovementFilterForm, ReceiptForm, TransferForm
from ..models import StockAlert, StockMovement, Warehouse, WarehouseStock

PER_PAGE = 50


class WarehouseListView(ListView):
    template_name = "inventory/dashboard/warehouse_list.html"
    context_object_name = "warehouses"
    paginate_by = PER_PAGE
    page_title = gettext_lazy("Warehouses")

    def get_queryset(self):
        return (
            Warehouse.objects.select_related("partner", "company")
            .annotate(
                lines=Count("stock_lines"),
                on_hand=Sum("stock_lines__quantity"),
                reserved=Sum("stock_lines__reserved"),
            )
            .order_by("partner__name", "code")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = self.page_title
        context["alerts"] = (
            StockAlert.objects.filter(resolved_at__isnull=True, acknowledged_at__isnull=True)
            .select_related("stock__warehouse", "stock__stockrecord__product")
            .order_by("-created_at")[:20]
        )
        return context


class WarehouseStockView(ListView):
    template_name = "inventory/dashboard/warehouse_stock.html"
    context_object_name = "lines"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.warehouse = get_object_or_404(Warehouse.objects.select_related("partner", "company"), pk=self.kwargs["pk"])
        lines = self.warehouse.stock_lines.select_related("stockrecord__product").annotate(
            available_units=F("quantity") - F("reserved")
        )
        q = self.request.GET.get("q", "").strip()
        if q:
            lines = lines.filter(Q(stockrecord__partner_sku__icontains=q) | Q(stockrecord__product__title__icontains=q))
        return lines.order_by("stockrecord__partner_sku")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(warehouse=self.warehouse, page_title=str(self.warehouse), q=self.request.GET.get("q", ""))
        return context


class MovementListView(ListView):
    template_name = "inventory/dashboard/movement_list.html"
    context_object_name = "movements"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.form = MovementFilterForm(self.request.GET or None)
        movements = StockMovement.objects.select_related(
            "stock__warehouse", "stock__stockrecord__product", "order", "user"
        )
        if self.form.is_bound and self.form.is_valid():
            data = self.form.cleaned_data
            if data["warehouse"]:
                movements = movements.filter(stock__warehouse=data["warehouse"])
            if data["kind"]:
                movements = movements.filter(kind=data["kind"])
            if data["q"]:
                movements = movements.filter(
                    Q(stock__stockrecord__partner_sku__iexact=data["q"]) | Q(reference__icontains=data["q"])
                )
            if data["date_from"]:
                movements = movements.filter(created_at__date__gte=data["date_from"])
            if data["date_to"]:
                movements = movements.filter(created_at__date__lte=data["date_to"])
        return movements.order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(form=self.form, page_title=_("Stock movements"), filter_query=query.urlencode())
        return context


class _StockFormView(FormView):
    """Subclasses define ``apply(cleaned_data) -> success message``; a ``StockError`` shows on the form."""

    template_name = "inventory/dashboard/stock_form.html"
    page_title = ""
    intro = ""

    def get_initial(self):
        return {key: value for key, value in self.request.GET.items() if key in ("warehouse", "source", "sku")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_title=self.page_title, intro=self.intro)
        return context

    def form_valid(self, form):
        if form.cleaned_data.get("stockrecord") is None:
            return self.form_invalid(form)
        try:
            message = self.apply(form.cleaned_data)
        except services.StockError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, message)
        return HttpResponseRedirect(reverse("inventory_dashboard:movement-list"))


class ReceiptView(_StockFormView):
    form_class = ReceiptForm
    page_title = gettext_lazy("Receive goods")

    def apply(self, data: dict) -> str:
        services.receive_stock(
            data["warehouse"],
            data["stockrecord"],
            data["quantity"],
            user=self.request.user,
            reference=data["reference"],
        )
        audit.record(
            self.request.user,
            "inventory.receipt",
            data["warehouse"],
            {"sku": data["sku"], "quantity": data["quantity"]},
        )
        return _("%(quantity)s × %(sku)s received into %(warehouse)s.") % {
            "quantity": data["quantity"],
            "sku": data["sku"],
            "warehouse": data["warehouse"].code,
        }


class AdjustmentView(_StockFormView):
    form_class = AdjustmentForm
    page_title = gettext_lazy("Adjust stock")
    intro = gettext_lazy("Corrections after damage, loss or a miscount. On hand never goes below what is reserved.")

    def apply(self, data: dict) -> str:
        services.adjust_stock(
            data["warehouse"], data["stockrecord"], data["delta"], reason=data["reason"], user=self.request.user
        )
        audit.record(
            self.request.user,
            "inventory.adjustment",
            data["warehouse"],
            {"sku": data["sku"], "delta": data["delta"], "reason": data["reason"]},
        )
        return _("%(sku)s in %(warehouse)s adjusted by %(delta)s.") % {
            "sku": data["sku"],
            "warehouse": data["warehouse"].code,
            "delta": data["delta"],
        }


class TransferView(_StockFormView):
    form_class = TransferForm
    page_title = gettext_lazy("Transfer stock")
    intro = gettext_lazy("Moves available units between two warehouses of the same company.")

    def apply(self, data: dict) -> str:
        services.transfer_stock(
            data["source"],
            data["destination"],
            data["stockrecord"],
            data["quantity"],
            user=self.request.user,
            reason=data["reason"],
        )
        audit.record(
            self.request.user,
            "inventory.transfer",
            data["source"],
            {"sku": data["sku"], "quantity": data["quantity"], "destination": data["destination"].code},
        )
        return _("%(quantity)s × %(sku)s moved from %(source)s to %(destination)s.") % {
            "quantity": data["quantity"],
            "sku": data["sku"],
            "source": data["source"].code,
            "destination": data["destination"].code,
        }


class LevelsView(UpdateView):
    """Low-stock threshold, safety stock and lead time of one warehouse line."""

    template_name = "inventory/dashboard/stock_form.html"
    form_class = LevelsForm

    def get_queryset(self):
        return WarehouseStock.objects.select_related("warehouse", "stockrecord__product")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = _("Stock levels: %(sku)s at %(warehouse)s") % {
            "sku": self.object.stockrecord.partner_sku,
            "warehouse": self.object.warehouse.code,
        }
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.set_stock_levels(
                self.object,
                low_stock_threshold=data["low_stock_threshold"],
                safety_stock=data["safety_stock"],
                lead_time_days=data["lead_time_days"],
            )
        except services.StockError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Stock levels saved."))
        return HttpResponseRedirect(reverse("inventory_dashboard:warehouse-stock", args=[self.object.warehouse_id]))


@require_POST
def acknowledge_alert(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(StockAlert, pk=pk)
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_by = timezone.now(), request.user
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])
    messages.success(request, _("Alert acknowledged."))
    return HttpResponseRedirect(reverse("inventory_dashboard:warehouse-list"))
