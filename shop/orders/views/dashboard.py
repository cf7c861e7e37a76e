"""Operators' pages: all orders with their timeline and every action, alerts and their thresholds."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView
from oscar.core.loading import get_model

from .. import alerts
from ..forms import AlertSettingsForm, OrderSearchForm, SupplierSLAForm
from ..history import order_page, staff_order_list
from ..lifecycle import TransitionError
from ..models import AlertSettings, FulfilmentGroup, ReturnRequest, Role, SupplierSLA
from ..payments import mark_paid
from .actions import MergeAction, ReturnDecisionAction, ShipAction, TransitionAction

Order = get_model("order", "Order")


class StaffMixin(LoginRequiredMixin):
    """Active staff only: others are sent to sign in (or refused when signed in)."""

    role = Role.STAFF

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (request.user.is_authenticated and request.user.is_active and request.user.is_staff):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)

    def groups(self) -> QuerySet:
        return FulfilmentGroup.objects.all()

    def back_url(self, group) -> str:
        return reverse("orders_dashboard:detail", kwargs={"number": group.order.number})


class StaffOrderListView(StaffMixin, ListView):
    template_name = "shop_orders/dashboard/list.html"
    context_object_name = "orders"
    paginate_by = 50

    def get_queryset(self) -> QuerySet:
        self.form = OrderSearchForm(self.request.GET or None)
        filters = self.form.filters()
        if filters.get("state"):
            from ..lifecycle import STATUS_NAMES

            filters["state"] = STATUS_NAMES.get(filters["state"], filters["state"])
        return staff_order_list(**filters)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update({"form": self.form, "alerts": list(alerts.open_alerts()[:50])})
        return context


class StaffOrderDetailView(StaffMixin, View):
    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        order = Order.objects.select_related("user", "company_link__company", "shipping_address").filter(
            number=number
        ).first()
        if order is None:
            raise Http404(_("No such order."))
        context = order_page(order, roles={Role.STAFF}, merge=True)
        context.update({"actions_base": "orders_dashboard:group", "role": Role.STAFF,
                        "alerts": list(order.alerts.filter(resolved_at__isnull=True))})
        return render(request, "shop_orders/dashboard/detail.html", context)


class StaffMarkPaidView(StaffMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, number: str) -> HttpResponse:
        order = Order.objects.filter(number=number).first()
        if order is None:
            raise Http404(_("No such order."))
        try:
            mark_paid(order, user=request.user)
        except TransitionError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Order %(number)s is marked paid.") % {"number": order.number})
        return HttpResponseRedirect(reverse("orders_dashboard:detail", kwargs={"number": order.number}))


class StaffTransitionView(StaffMixin, TransitionAction):
    pass


class StaffShipView(StaffMixin, ShipAction):
    pass


class StaffMergeView(StaffMixin, MergeAction):
    pass


class StaffReturnDecisionView(StaffMixin, ReturnDecisionAction):
    def requests(self) -> QuerySet:
        return ReturnRequest.objects.all()

    def back_url(self, request_obj) -> str:
        return reverse("orders_dashboard:detail", kwargs={"number": request_obj.order.number})


class AlertSettingsView(StaffMixin, View):
    template_name = "shop_orders/dashboard/settings.html"

    def context(self, form: AlertSettingsForm, sla_form: SupplierSLAForm) -> dict:
        return {"form": form, "sla_form": sla_form, "slas": SupplierSLA.objects.select_related("partner")}

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, self.context(
            AlertSettingsForm(instance=AlertSettings.current()), SupplierSLAForm()))

    def post(self, request: HttpRequest) -> HttpResponse:
        settings_form = AlertSettingsForm(instance=AlertSettings.current())
        sla_form = SupplierSLAForm()
        if "delete_sla" in request.POST:
            SupplierSLA.objects.filter(pk=request.POST.get("delete_sla") or 0).delete()
            messages.success(request, _("The supplier SLA was removed."))
            return HttpResponseRedirect(reverse("orders_dashboard:settings"))
        if "save_sla" in request.POST:
            existing = SupplierSLA.objects.filter(partner_id=request.POST.get("partner") or 0).first()
            sla_form = SupplierSLAForm(request.POST, instance=existing)
            if sla_form.is_valid():
                sla_form.save()
                messages.success(request, _("The supplier SLA was saved."))
                return HttpResponseRedirect(reverse("orders_dashboard:settings"))
        else:
            settings_form = AlertSettingsForm(request.POST, instance=AlertSettings.current())
            if settings_form.is_valid():
                settings_form.save()
                messages.success(request, _("The alert thresholds were saved."))
                return HttpResponseRedirect(reverse("orders_dashboard:settings"))
        return render(request, self.template_name, self.context(settings_form, sla_form), status=400)
