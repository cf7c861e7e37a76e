"""An admin chooser for Oscar products, so editors can hand-pick products for a block."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class ProductFilterForm(BaseFilterForm):
    """Products are not in Wagtail's search index: match titles in both languages, UPC and supplier SKUs."""

    q = forms.CharField(
        label=_("Search term"), required=False, max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Title, UPC or SKU")}),
    )

    def filter(self, objects: QuerySet) -> QuerySet:
        objects = super().filter(objects)
        query = " ".join((self.cleaned_data.get("q") or "").split())
        if query:
            objects = objects.filter(
                Q(title_en__icontains=query)
                | Q(title_zh_hans__icontains=query)
                | Q(upc__iexact=query)
                | Q(stockrecords__partner_sku__iexact=query)
            ).distinct()
            self.is_searching = True
            self.search_query = query
        return objects


class ProductChooseView(ChooseView):
    filter_form_class = ProductFilterForm


class ProductChooseResultsView(ChooseResultsView):
    filter_form_class = ProductFilterForm


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit this product")
    page_title = _("Choose a product")
    per_page = 20
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView

    def get_object_list(self) -> QuerySet:
        """Runs as the chooser views' own ``get_object_list``: public products that stand on their own."""
        from oscar.core.loading import get_model

        product_model = get_model("catalogue", "Product")
        return product_model.objects.filter(is_public=True).exclude(structure="child").order_by("title")


product_chooser_viewset = ProductChooserViewSet("cms_product_chooser", url_prefix="cms/product-chooser")
