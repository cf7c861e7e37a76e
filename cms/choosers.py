"""An admin chooser for Oscar products, so editors can hand-pick products for a block."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit this product")
    page_title = _("Choose a product")
    per_page = 20
    search_fields = ["title", "upc"]

    def get_object_list(self):
        return self.model_class.objects.filter(is_public=True).exclude(structure="child").order_by("title")


product_chooser_viewset = ProductChooserViewSet("cms_product_chooser", url_prefix="cms/product-chooser")
