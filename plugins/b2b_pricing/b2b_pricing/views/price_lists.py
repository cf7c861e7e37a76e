"""Staff pages for price lists, their entries, quantity breaks, and their import and export."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, View

from ..forms.dashboard import EntryForm, PriceFileForm, PriceListForm, TierTableForm
from ..models import PriceList, PriceListEntry, TierTable
from ..services import editing, exports, imports
from ..services.catalog import product_queryset
from .editing import StaffCreateView, StaffDeleteView, StaffUpdateView

NS = "b2b_pricing_dashboard"


def list_crumbs(price_list: PriceList | None = None) -> list[tuple[str, str]]:
    crumbs = [(reverse(f"{NS}:index"), _("B2B pricing")), (reverse(f"{NS}:pricelist-list"), _("Price lists"))]
    if price_list is not None and price_list.pk:
        crumbs.append((reverse(f"{NS}:pricelist-detail", args=[price_list.pk]), price_list.name))
    return crumbs


class PriceListListView(ListView):
    template_name = "b2b_pricing/dashboard/pricelist_list.html"
    context_object_name = "price_lists"
    paginate_by = 50

    def get_queryset(self) -> QuerySet:
        return PriceList.objects.select_related("company", "customer_group").annotate(
            entry_count=Count("entries", distinct=True), tier_count=Count("tier_tables", distinct=True)
        ).order_by("-priority", "name", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(page_title=_("Price lists"), parent_crumbs=list_crumbs()[:1], today=timezone.localdate())
        return context


class PriceListDetailView(DetailView):
    model = PriceList
    template_name = "b2b_pricing/dashboard/pricelist_detail.html"
    context_object_name = "price_list"
    entries_per_page = 100

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from django.core.paginator import Paginator

        context = super().get_context_data(**kwargs)
        products = product_queryset()
        entries = PriceListEntry.objects.filter(price_list=self.object).prefetch_related(
            Prefetch("product", queryset=products)
        ).order_by("product__title", "pk")
        page = Paginator(entries, self.entries_per_page).get_page(self.request.GET.get("page"))
        tables = TierTable.objects.filter(price_list=self.object).prefetch_related(
            "breaks", Prefetch("product", queryset=products)
        ).order_by("product__title", "pk")
        context.update(
            page_title=self.object.name, parent_crumbs=list_crumbs(), entries=page, tier_tables=tables,
            is_current=self.object.is_current(),
        )
        return context


class PriceListCreateView(StaffCreateView):
    model = PriceList
    form_class = PriceListForm
    page_title = gettext_lazy("New price list")
    save_with = staticmethod(editing.save_price_list)

    def get_crumbs(self) -> list[tuple[str, str]]:
        return list_crumbs()

    def get_success_url(self) -> str:
        if self.object is not None and self.object.pk:
            return reverse(f"{NS}:pricelist-detail", args=[self.object.pk])
        return reverse(f"{NS}:pricelist-list")


class PriceListUpdateView(StaffUpdateView):
    model = PriceList
    form_class = PriceListForm
    save_with = staticmethod(editing.save_price_list)

    def get_page_title(self) -> str:
        return _("Edit %(name)s") % {"name": self.object.name}

    def get_crumbs(self) -> list[tuple[str, str]]:
        return list_crumbs(self.object)

    def get_success_url(self) -> str:
        return reverse(f"{NS}:pricelist-detail", args=[self.object.pk])


class PriceListDeleteView(StaffDeleteView):
    model = PriceList
    page_title = gettext_lazy("Delete price list")
    delete_with = staticmethod(editing.delete_price_list)

    def get_crumbs(self) -> list[tuple[str, str]]:
        return list_crumbs(self.object)

    def get_success_url(self) -> str:
        return reverse(f"{NS}:pricelist-list")


class InListMixin:
    """Pages of one list's entries or breaks: the list comes from the URL, the object must belong to it."""

    list_kwarg = "list_pk"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.price_list = get_object_or_404(PriceList, pk=kwargs[self.list_kwarg])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet:
        return self.model.objects.filter(price_list=self.price_list)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["price_list"] = self.price_list
        return kwargs

    def get_crumbs(self) -> list[tuple[str, str]]:
        return list_crumbs(self.price_list)

    def get_success_url(self) -> str:
        return reverse(f"{NS}:pricelist-detail", args=[self.price_list.pk])


class EntryCreateView(InListMixin, StaffCreateView):
    model = PriceListEntry
    form_class = EntryForm
    page_title = gettext_lazy("New entry")
    save_with = staticmethod(editing.save_entry)


class EntryUpdateView(InListMixin, StaffUpdateView):
    model = PriceListEntry
    form_class = EntryForm
    page_title = gettext_lazy("Edit entry")
    save_with = staticmethod(editing.save_entry)


class EntryDeleteView(InListMixin, StaffDeleteView):
    model = PriceListEntry
    page_title = gettext_lazy("Delete entry")
    delete_with = staticmethod(editing.delete_entry)

    def get_form_kwargs(self) -> dict[str, Any]:
        return super(InListMixin, self).get_form_kwargs()

    def describe(self) -> str:
        return f"{self.object.product.get_title()} — {self.object.price} {self.price_list.currency}"


class TierTableFormMixin(InListMixin):
    model = TierTable
    form_class = TierTableForm
    template_name = "b2b_pricing/dashboard/tiers_form.html"

    def save(self, form: TierTableForm) -> None:
        editing.save_tier_table(form.instance, form.breaks, self.request.user)


class TierTableCreateView(TierTableFormMixin, StaffCreateView):
    page_title = gettext_lazy("New quantity breaks")


class TierTableUpdateView(TierTableFormMixin, StaffUpdateView):
    page_title = gettext_lazy("Edit quantity breaks")


class TierTableDeleteView(InListMixin, StaffDeleteView):
    model = TierTable
    page_title = gettext_lazy("Delete quantity breaks")
    delete_with = staticmethod(editing.delete_tier_table)

    def get_form_kwargs(self) -> dict[str, Any]:
        return super(InListMixin, self).get_form_kwargs()

    def describe(self) -> str:
        breaks = ", ".join(str(b) for b in self.object.breaks.all())
        return f"{self.object.product.get_title()}: {breaks}"


class PriceFileImportView(FormView):
    form_class = PriceFileForm
    template_name = "b2b_pricing/dashboard/import.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.price_list = get_object_or_404(PriceList, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(price_list=self.price_list, page_title=_("Import prices"),
                       parent_crumbs=list_crumbs(self.price_list))
        return context

    def form_valid(self, form: PriceFileForm) -> HttpResponse:
        report = imports.import_price_file(
            self.price_list, form.cleaned_data["file"], dry_run=form.cleaned_data["dry_run"],
            replace=form.cleaned_data["replace"], user=self.request.user,
        )
        if report.saved:
            messages.success(self.request, _("Imported: %(created)d new, %(changed)d changed, %(removed)d removed.")
                             % {"created": report.created, "changed": report.changed, "removed": report.removed})
            return HttpResponseRedirect(reverse(f"{NS}:pricelist-detail", args=[self.price_list.pk]))
        status = 200 if report.ok else 422
        return self.render_to_response(self.get_context_data(form=form, report=report), status=status)


class PriceFileExportView(View):
    def get(self, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
        if fmt not in ("csv", "xlsx"):
            raise Http404("unknown export format")
        price_list = get_object_or_404(PriceList, pk=pk)
        stem = f"price-list-{price_list.pk}-{price_list.currency}"
        if fmt == "xlsx":
            response = HttpResponse(
                exports.as_xlsx(price_list),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            response = HttpResponse(exports.as_csv(price_list), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
        return response
