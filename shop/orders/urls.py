"""Storefront order pages: suppliers' orders and buyers' order actions (namespace ``shop_orders``)."""

from django.urls import path

from .views import buyer, supplier

app_name = "shop_orders"

urlpatterns = [
    path("supplier/", supplier.SupplierOrderListView.as_view(), name="supplier-list"),
    path("supplier/<int:pk>/", supplier.SupplierOrderDetailView.as_view(), name="supplier-detail"),
    path("supplier/<int:pk>/state/", supplier.SupplierTransitionView.as_view(), name="supplier-transition"),
    path("supplier/<int:pk>/ship/", supplier.SupplierShipView.as_view(), name="supplier-ship"),
    path("supplier/<int:pk>/merge/", supplier.SupplierMergeView.as_view(), name="supplier-merge"),
    path("supplier/returns/<int:pk>/", supplier.SupplierReturnDecisionView.as_view(), name="supplier-return-decide"),
    path("company/<str:number>/cancel/", buyer.BuyerCancelView.as_view(), name="buyer-cancel"),
    path("company/group/<int:pk>/state/", buyer.BuyerTransitionView.as_view(), name="buyer-transition"),
    path("company/<str:number>/return/", buyer.BuyerReturnView.as_view(), name="buyer-return"),
]
