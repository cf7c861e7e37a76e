"""Staff URLs, mounted at ``/<lang>/dashboard/inventory/`` (namespace ``inventory_dashboard``); staff only."""

from collections.abc import Callable

from django.contrib.admin.views.decorators import staff_member_required
from django.urls import path

from . import views


def staff(view: Callable) -> Callable:
    return staff_member_required(view, login_url="customer:login")


app_name = "inventory_dashboard"

urlpatterns = [
    path("warehouses/", staff(views.WarehouseListView.as_view()), name="warehouse-list"),
    path("warehouses/<int:pk>/", staff(views.WarehouseStockView.as_view()), name="warehouse-stock"),
    path("stock/<int:pk>/levels/", staff(views.LevelsView.as_view()), name="stock-levels"),
    path("movements/", staff(views.MovementListView.as_view()), name="movement-list"),
    path("receive/", staff(views.ReceiptView.as_view()), name="receive"),
    path("adjust/", staff(views.AdjustmentView.as_view()), name="adjust"),
    path("transfer/", staff(views.TransferView.as_view()), name="transfer"),
    path("alerts/<int:pk>/acknowledge/", staff(views.acknowledge_alert), name="alert-acknowledge"),
]
