"""Where a partner keeps its stock.

Oscar keeps one ``StockRecord`` per partner and product, with a single
``num_in_stock``. A partner with several warehouses splits that number into
``WarehouseStock`` lines; ``shop.inventory.services`` keeps the record's
``num_in_stock`` equal to the sum of its lines.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Warehouse(models.Model):
    """A stocking location of one fulfilment partner."""

    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="warehouses", verbose_name=_("partner")
    )
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=128)
    city = models.CharField(_("city"), max_length=64)
    country = models.CharField(_("country"), max_length=2, default="CN", help_text=_("ISO 3166-1 alpha-2 code"))

    class Meta:
        ordering = ["partner", "code"]
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class WarehouseStock(models.Model):
    """How many units of one stock record lie in one warehouse."""

    warehouse = models.ForeignKey(
        Warehouse, on_delete=models.CASCADE, related_name="stock_lines", verbose_name=_("warehouse")
    )
    stockrecord = models.ForeignKey(
        "partner.StockRecord", on_delete=models.CASCADE, related_name="warehouse_stock", verbose_name=_("stock record")
    )
    quantity = models.PositiveIntegerField(_("quantity"), default=0)
    date_updated = models.DateTimeField(_("date updated"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "stockrecord"], name="inventory_stock_unique_per_warehouse"),
            models.CheckConstraint(condition=Q(quantity__gte=0), name="inventory_stock_quantity_not_negative"),
        ]
        ordering = ["stockrecord", "warehouse"]
        verbose_name = _("warehouse stock")
        verbose_name_plural = _("warehouse stock")

    def __str__(self) -> str:
        return f"{self.quantity} × {self.stockrecord.partner_sku} @ {self.warehouse.code}"
