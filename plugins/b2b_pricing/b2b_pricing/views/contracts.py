"""Staff pages for contract prices (with the ending-soon notice) and for products' order rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from ..forms.dashboard import ContractPriceForm, OrderRuleForm
from ..models import ContractPrice, ProductOrderRule
from ..services import contracts, editing
from ..services.catalog import product_queryset
from .editing import StaffCreateView, StaffDeleteView, StaffUpdateView

NS = "b2b_pricing_dashboard"


def crumbs(name: str, title: str) -> list[tuple[str, str]]:
    return [(reverse(f"{NS}:index"), _("B2B pricing")), (reverse(f"{NS}:{name}"), title)]


class ContractListView(ListView):
    template_name = "b2b_pricing/dashboard/contract_list.html"
    context_object_name = "contracts"
    paginate_by = 50

    def get_queryset(self) -> QuerySet:
        contracts_qs = ContractPrice.objects.select_related("company").prefetch_related(
            Prefetch("product", queryset=product_queryset())
        )
        company = self.request.GET.get("company", "").strip()
        if company:
            contracts_qs = contracts_qs.filter(company__name__icontains=company)
        if self.request.GET.get("state") == "current":
            today = timezone.localdate()
            contracts_qs = contracts_qs.filter(valid_from__lte=today, valid_until__gte=today)
        return contracts_qs.order_by("valid_until", "company__name", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=_("Contract prices"),
            parent_crumbs=crumbs("index", _("B2B pricing"))[:1],
            ending=contracts.ending_soon(),
            today=timezone.localdate(),
            company_filter=self.request.GET.get("company", ""),
            state_filter=self.request.GET.get("state", ""),
        )
        return context


class ContractMixin:
    model = ContractPrice
    form_class = ContractPriceForm

    def get_crumbs(self) -> list[tuple[str, str]]:
        return crumbs("contract-list", _("Contract prices"))

    def get_success_url(self) -> str:
        return reverse(f"{NS}:contract-list")

    def save(self, form: ContractPriceForm) -> None:
        contracts.save_contract(form.instance, self.request.user, changed_end=form.end_changed)


class ContractCreateView(ContractMixin, StaffCreateView):
    page_title = gettext_lazy("New contract price")


class ContractUpdateView(ContractMixin, StaffUpdateView):
    page_title = gettext_lazy("Edit contract price")


class ContractDeleteView(ContractMixin, StaffDeleteView):
    form_class = forms.Form
    page_title = gettext_lazy("Delete contract price")
    delete_with = staticmethod(contracts.delete_contract)

    def describe(self) -> str:
        return _("%(company)s — %(product)s, until %(date)s") % {
            "company": self.object.company.name, "product": self.object.product.get_title(),
            "date": self.object.valid_until.isoformat()}


class RuleListView(ListView):
    template_name = "b2b_pricing/dashboard/rule_list.html"
    context_object_name = "rules"
    paginate_by = 100

    def get_queryset(self) -> QuerySet:
        return ProductOrderRule.objects.prefetch_related(Prefetch("product", queryset=product_queryset())).order_by(
            "product__title", "pk"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(page_title=_("Order rules"), parent_crumbs=crumbs("index", _("B2B pricing"))[:1])
        return context


class RuleMixin:
    model = ProductOrderRule
    form_class = OrderRuleForm
    save_with = staticmethod(editing.save_order_rule)

    def get_crumbs(self) -> list[tuple[str, str]]:
        return crumbs("rule-list", _("Order rules"))

    def get_success_url(self) -> str:
        return reverse(f"{NS}:rule-list")


class RuleCreateView(RuleMixin, StaffCreateView):
    page_title = gettext_lazy("New order rule")


class RuleUpdateView(RuleMixin, StaffUpdateView):
    page_title = gettext_lazy("Edit order rule")


class RuleDeleteView(RuleMixin, StaffDeleteView):
    form_class = forms.Form
    page_title = gettext_lazy("Delete order rule")
    delete_with = staticmethod(editing.delete_order_rule)

    def describe(self) -> str:
        return f"{self.object.product.get_title()}: {self.object.min_quantity} / {self.object.pack_size}"
