"""Catalogue dashboard views: Oscar's, with the bilingual templates and all-or-nothing saving."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponseRedirect
from oscar.apps.dashboard.catalogue import views as oscar_views


class ProductCreateUpdateView(oscar_views.ProductCreateUpdateView):
    template_name = "shop_dashboard_catalogue/product_update.html"

    def process_all_forms(self, form):
        """Oscar saves a new product before validating its formsets; roll everything back unless all is valid."""
        with transaction.atomic():
            response = super().process_all_forms(form)
            if not isinstance(response, HttpResponseRedirect):
                transaction.set_rollback(True)
                if self.creating:
                    self.object = None
        return response

    form_valid = form_invalid = process_all_forms


class CategoryCreateView(oscar_views.CategoryCreateView):
    template_name = "shop_dashboard_catalogue/category_form.html"


class CategoryUpdateView(oscar_views.CategoryUpdateView):
    template_name = "shop_dashboard_catalogue/category_form.html"
