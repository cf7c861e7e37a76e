"""Shared pieces of the staff editors: a form page and a delete page that call a service to write."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, UpdateView


class StaffFormMixin:
    """Create/update pages: the service in ``save_with`` writes (audited); then back to ``get_success_url``."""

    template_name = "b2b_pricing/dashboard/form.html"
    page_title = ""
    save_with = None
    saved_message = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(page_title=self.get_page_title(), cancel_url=self.get_success_url(),
                       parent_crumbs=self.get_crumbs())
        return context

    def get_page_title(self) -> str:
        return str(self.page_title)

    def get_crumbs(self) -> list[tuple[str, str]]:
        return []

    def form_valid(self, form: BaseForm) -> HttpResponseRedirect:
        self.object = form.instance
        self.save(form)
        messages.success(self.request, self.saved_message or _("Saved."))
        return HttpResponseRedirect(self.get_success_url())

    def save(self, form: BaseForm) -> None:
        type(self).save_with(form.instance, self.request.user)


class StaffCreateView(StaffFormMixin, CreateView):
    """A staff page creating one object through a service."""


class StaffUpdateView(StaffFormMixin, UpdateView):
    """A staff page changing one object through a service."""


class StaffDeleteView(DeleteView):
    template_name = "b2b_pricing/dashboard/confirm_delete.html"
    delete_with = None
    page_title = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(page_title=str(self.page_title), cancel_url=self.get_success_url(),
                       parent_crumbs=self.get_crumbs(), what=self.describe())
        return context

    def get_crumbs(self) -> list[tuple[str, str]]:
        return []

    def describe(self) -> str:
        return str(self.object)

    def form_valid(self, form: BaseForm) -> HttpResponseRedirect:
        url = self.get_success_url()
        type(self).delete_with(self.object, self.request.user)
        messages.success(self.request, _("Deleted."))
        return HttpResponseRedirect(url)
