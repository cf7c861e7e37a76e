"""The supplier's order pages: only their own parts of orders (another supplier's is a 404)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from ..access import supplier_partner_ids
from ..forms import OrderSearchForm
from ..history import order_page, supplier_group_list
from ..models import FulfilmentGroup, ReturnRequest, Role
from .actions import MergeAction, ReturnDecisionAction, ShipAction, TransitionAction


class SupplierMixin(LoginRequiredMixin):
    role = Role.SUPPLIER

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated and not self.partner_ids():
            raise Http404(_("You do not supply any products."))
        return super().dispatch(request, *args, **kwargs)

    def partner_ids(self) -> set[int]:
        if not hasattr(self, "_partner_ids"):
            self._partner_ids = supplier_partner_ids(self.request.user, getattr(self.request, "company", None))
        return self._partner_ids

    def groups(self) -> QuerySet:
        return FulfilmentGroup.objects.filter(partner_id__in=self.partner_ids())

    def back_url(self, group) -> str:
        return reverse("shop_orders:supplier-detail", kwargs={"pk": group.pk})


class SupplierOrderListView(SupplierMixin, ListView):
    template_name = "shop_orders/supplier/list.html"
    context_object_name = "groups"
    paginate_by = 25

    def get_queryset(self) -> QuerySet:
        self.form = OrderSearchForm(self.request.GET or None)
        return supplier_group_list(self.groups(), **self.form.filters())

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update({"form": self.form, "filter_query": query.urlencode()})
        return context


class SupplierOrderDetailView(SupplierMixin, View):
    """One supplier's part of an order: lines, shipping form, merge candidates, timeline, returns."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        group = self.groups().select_related("order").filter(pk=pk).first()
        if group is None:
            raise Http404(_("No such order."))
        context = order_page(group.order, roles={Role.SUPPLIER}, partner_ids={group.partner_id}, merge=True)
        context.update({"group": group, "actions_base": "shop_orders:supplier", "role": Role.SUPPLIER})
        return render(request, "shop_orders/supplier/detail.html", context)


class SupplierTransitionView(SupplierMixin, TransitionAction):
    pass


class SupplierShipView(SupplierMixin, ShipAction):
    pass


class SupplierMergeView(SupplierMixin, MergeAction):
    pass


class SupplierReturnDecisionView(SupplierMixin, ReturnDecisionAction):
    def requests(self) -> QuerySet:
        return ReturnRequest.objects.filter(lines__line__partner_id__in=self.partner_ids()).distinct()

    def back_url(self, request_obj) -> str:
        group = self.groups().filter(order=request_obj.order).first()
        return reverse("shop_orders:supplier-detail", kwargs={"pk": group.pk}) if group else reverse(
            "shop_orders:supplier-list"
        )
