"""Storefront URLs, mounted by the core at ``/<lang>/p/b2b_pricing/`` (namespace ``b2b_pricing``); 404 while off."""

from django.urls import path

from .views import storefront

urlpatterns = [
    path("quick-order/", storefront.QuickOrderView.as_view(), name="quick-order"),
    path("quick-order/products/", storefront.ProductSearchView.as_view(), name="product-search"),
    path("reorder/<str:number>/", storefront.ReorderView.as_view(), name="reorder"),
]
