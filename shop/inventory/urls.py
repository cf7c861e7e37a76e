"""Company pages, mounted at ``/<lang>/accounts/company/inventory/`` (namespace ``inventory``)."""

from django.urls import path

from . import views

app_name = "inventory"

urlpatterns = [
    path("", views.StockOverviewView.as_view(), name="overview"),
    path("warehouses/<int:pk>/", views.WarehouseDetailView.as_view(), name="warehouse-detail"),
    path("reorder/", views.ReorderView.as_view(), name="reorder"),
    path("shared-with-me/", views.SharedStockView.as_view(), name="shared-stock"),
    path("suppliers/", views.SupplierStockView.as_view(), name="supplier-stock"),
    path("sharing/", views.SharingView.as_view(), name="sharing"),
]
