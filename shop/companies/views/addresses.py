"""Company addresses: every member sees them, admins add, change and delete them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, ListView, UpdateView

from shop.core import audit

from ..forms import CompanyAddressForm
from ..models import CompanyAddress
from ..scoping import CompanyMemberRequiredMixin, CompanyObjectMixin, company_queryset
from .members import AdminOnlyMixin

ADDRESSES_PER_PAGE = 25


class AddressAdminMixin(AdminOnlyMixin):
    @property
    def role_denied_message(self) -> str:
        return _("Only the company's administrators manage its addresses.")


class AddressListView(CompanyMemberRequiredMixin, ListView):
    template_name = "companies/address_list.html"
    context_object_name = "addresses"
    paginate_by = ADDRESSES_PER_PAGE

    def get_queryset(self):
        return company_queryset(self.request, CompanyAddress.objects.all())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"page_title": _("Addresses"), "company": self.request.company})
        return context


class AddressCreateView(AddressAdminMixin, CompanyMemberRequiredMixin, CreateView):
    template_name = "companies/address_form.html"
    form_class = CompanyAddressForm
    success_url = reverse_lazy("companies:address-list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"page_title": _("Add an address"), "company": self.request.company})
        return context

    def form_valid(self, form):
        form.instance.company = self.request.company
        response = super().form_valid(form)
        audit.record(self.request.user, "companies.address.created", self.request.company, {"label": self.object.label})
        messages.success(self.request, _("Address “%(label)s” added.") % {"label": self.object.label})
        return response


class AddressUpdateView(AddressAdminMixin, CompanyObjectMixin, UpdateView):
    model = CompanyAddress
    template_name = "companies/address_form.html"
    form_class = CompanyAddressForm
    success_url = reverse_lazy("companies:address-list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"page_title": _("Change an address"), "company": self.request.company})
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record(self.request.user, "companies.address.changed", self.request.company, {"label": self.object.label})
        messages.success(self.request, _("Address “%(label)s” saved.") % {"label": self.object.label})
        return response


class AddressDeleteView(AddressAdminMixin, CompanyObjectMixin, DeleteView):
    model = CompanyAddress
    template_name = "companies/address_delete.html"
    context_object_name = "address"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"page_title": _("Delete an address"), "company": self.request.company})
        return context

    def form_valid(self, form):
        label = self.object.label
        self.object.delete()
        audit.record(self.request.user, "companies.address.deleted", self.request.company, {"label": label})
        messages.success(self.request, _("Address “%(label)s” deleted.") % {"label": label})
        return HttpResponseRedirect(reverse("companies:address-list"))
