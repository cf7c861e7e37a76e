from django.contrib import admin

from .models import Warehouse, WarehouseStock


@admin.register(Warehouse)
class WarehouseAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "partner", "city", "country")
    list_filter = ("partner", "country")
    search_fields = ("code", "name", "city")


@admin.register(WarehouseStock)
class WarehouseStockAdmin(admin.ModelAdmin):
    """Read-only: quantities change through ``shop.inventory.services`` so stock records stay in sync."""

    list_display = ("stockrecord", "warehouse", "quantity", "date_updated")
    list_filter = ("warehouse",)
    search_fields = ("stockrecord__partner_sku", "warehouse__code")
    list_select_related = ("stockrecord__partner", "warehouse")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
