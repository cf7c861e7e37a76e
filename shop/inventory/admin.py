"""Warehouses in the admin; stock, the ledger and reservations are read-only (they change through services)."""

from django.contrib import admin

from .models import Reservation, StockAlert, StockMovement, StockSharing, Warehouse, WarehouseStock


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written only by ``shop.inventory.services``, so the ledger and the stock records stay in sync."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Warehouse)
class WarehouseAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "company", "partner", "city", "country", "priority")
    list_filter = ("partner", "country")
    search_fields = ("code", "name", "city", "company__name")
    list_select_related = ("partner", "company")


@admin.register(WarehouseStock)
class WarehouseStockAdmin(ReadOnlyAdmin):
    list_display = ("stockrecord", "warehouse", "quantity", "reserved", "low_stock_threshold", "date_updated")
    list_filter = ("warehouse",)
    search_fields = ("stockrecord__partner_sku", "warehouse__code")
    list_select_related = ("stockrecord__partner", "stockrecord__product", "warehouse")


@admin.register(StockMovement)
class StockMovementAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "stock", "on_hand_delta", "reserved_delta", "reason", "reference", "user")
    list_filter = ("kind",)
    search_fields = ("reference", "reason", "stock__stockrecord__partner_sku")
    list_select_related = ("stock__stockrecord__product", "stock__stockrecord__partner", "stock__warehouse", "user")
    date_hierarchy = "created_at"


@admin.register(Reservation)
class ReservationAdmin(ReadOnlyAdmin):
    list_display = ("order", "line", "stock", "quantity", "shipped", "released", "expires_at")
    search_fields = ("order__number",)
    list_select_related = (
        "order",
        "line",
        "stock__stockrecord__product",
        "stock__stockrecord__partner",
        "stock__warehouse",
    )


@admin.register(StockAlert)
class StockAlertAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "stock", "available", "threshold", "resolved_at", "acknowledged_at")
    list_select_related = ("stock__stockrecord__product", "stock__stockrecord__partner", "stock__warehouse")


@admin.register(StockSharing)
class StockSharingAdmin(admin.ModelAdmin):
    list_display = ("company", "share_with_suppliers", "share_with_customers", "updated_at")
    list_select_related = ("company",)
