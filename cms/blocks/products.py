"""Product blocks: a grid or carousel fed by a live search, or by hand-picked products."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from cms.choosers import product_chooser_viewset
from cms.products import MAX_PRODUCTS, SORT_CHOICES, cards_for_block, filter_field_choices

ProductChooserBlock = product_chooser_viewset.get_block_class(
    name="ProductChooserBlock", module_path="cms.blocks.products"
)


class FacetFilterBlock(blocks.StructBlock):
    field = blocks.ChoiceBlock(choices=filter_field_choices, label=_("Facet"))
    value = blocks.CharBlock(
        max_length=200, label=_("Value"), help_text=_("e.g. a brand name, an eco label or a category name")
    )

    class Meta:
        icon = "filter"
        label = _("Filter")


class ProductGridBlock(blocks.StructBlock):
    """Shows products to each buyer with their own price; products they cannot buy are left out."""

    title = blocks.CharBlock(max_length=120, required=False, label=_("Title"))
    source = blocks.ChoiceBlock(
        choices=[("search", _("A search (stays up to date)")), ("picked", _("Hand-picked products"))],
        default="search",
        label=_("Products from"),
    )
    query = blocks.CharBlock(max_length=200, required=False, label=_("Search words"))
    filters = blocks.ListBlock(FacetFilterBlock(), default=[], label=_("Filters"))
    sort = blocks.ChoiceBlock(choices=SORT_CHOICES, default="relevance", label=_("Order"))
    count = blocks.IntegerBlock(min_value=1, max_value=MAX_PRODUCTS, default=12, label=_("How many"))
    products = blocks.ListBlock(ProductChooserBlock(), default=[], label=_("Hand-picked products"))
    layout = blocks.ChoiceBlock(
        choices=[("grid", _("Grid")), ("carousel", _("Carousel"))], default="grid", label=_("Layout")
    )

    def clean(self, value):
        value = super().clean(value)
        if value["source"] == "picked" and not [p for p in value["products"] if p is not None]:
            raise StructBlockValidationError(
                {"products": ValidationError(_("Choose at least one product, or show the products of a search."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        prepared = parent_context.get("product_cards") or {}
        request = parent_context.get("request")
        if id(value) in prepared:
            context["cards"] = prepared[id(value)]
        else:
            context["cards"] = cards_for_block(value, request) if request is not None else []
        return context

    class Meta:
        template = "cms/blocks/product_grid.html"
        icon = "list-ul"
        label = _("Product grid")
