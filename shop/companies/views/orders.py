"""The company's orders: list with filters, CSV export, detail, and ordering the same again."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View
from oscar.core.loading import get_model

from shop.orders.history import order_page
from shop.orders.models import Role

from ..forms import OrderFilterForm
from ..orders import company_orders, csv_rows, filter_orders, reorder, reorder_message, statuses_of
from ..scoping import CompanyMemberRequiredMixin, CompanyObjectMixin

Order = get_model("order", "Order")

ORDERS_PER_PAGE = 25


class FilteredCompanyOrdersMixin(CompanyMemberRequiredMixin):
    def filter_form(self) -> OrderFilterForm:
        if not hasattr(self, "_filter_form"):
            data = self.request.GET if any(self.request.GET.get(k) for k in OrderFilterForm.base_fields) else None
            self._filter_form = OrderFilterForm(data, statuses=statuses_of(self.request.company))
        return self._filter_form

    def filtered_orders(self):
        return filter_orders(company_orders(self.request.company), **self.filter_form().filters())


class CompanyOrderListView(FilteredCompanyOrdersMixin, ListView):
    template_name = "companies/order_list.html"
    context_object_name = "orders"
    paginate_by = ORDERS_PER_PAGE

    def get_queryset(self):
        return self.filtered_orders()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "form": self.filter_form(),
                "page_title": _("Company orders"),
                "company": self.request.company,
                "filter_query": query.urlencode(),
            }
        )
        return context


class CompanyOrderExportView(FilteredCompanyOrdersMixin, View):
    """The filtered order list as CSV, streamed (no page size limit)."""

    def get(self, request, *args, **kwargs):
        stamp = timezone.localdate().isoformat()
        filename = f"{slugify(request.company.name) or 'company'}-orders-{stamp}.csv"
        response = StreamingHttpResponse(csv_rows(self.filtered_orders()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class CompanyOrderDetailView(CompanyObjectMixin, DetailView):
    template_name = "companies/order_detail.html"
    context_object_name = "order"
    company_field = "company_link__company"
    slug_field = "number"
    slug_url_kwarg = "number"

    def get_base_queryset(self):
        return Order.objects.select_related("user", "shipping_address", "billing_address")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page_title"] = _("Order %(number)s") % {"number": self.object.number}
        context["can_order"] = can_order = self.request.membership.can_order
        # Groups per supplier, shipments, payment, returns and the timeline; buyers and admins may act.
        context.update(order_page(self.object, roles={Role.BUYER} if can_order else set()))
        context["actions_base"] = "shop_orders:buyer" if can_order else ""
        return context


class CompanyOrderReorderView(CompanyObjectMixin, View):
    """Put an order's lines into the basket again (buyers and admins)."""

    company_field = "company_link__company"
    http_method_names = ["post"]

    def get_base_queryset(self):
        return Order.objects.all()

    def post(self, request, number: str):
        order = self.get_queryset().filter(number=number).first()
        if order is None:
            raise Http404(_("No such order in your company."))
        if not request.membership.can_order:
            raise PermissionDenied(_("Only buyers and administrators can order."))
        result = reorder(order, request.basket, request.strategy)
        for reason in result.skipped:
            messages.warning(request, reason)
        if result.added:
            messages.success(request, reorder_message(result))
            return HttpResponseRedirect(reverse("basket:summary"))
        messages.info(request, reorder_message(result))
        return HttpResponseRedirect(reverse("companies:order-detail", kwargs={"number": order.number}))
