"""Where stock lies, and the ledger of every change to it.

Oscar keeps one ``StockRecord`` per partner and product, with a single
``num_in_stock``. A partner with several warehouses splits that number into
``WarehouseStock`` lines. Every change to a line is a ``StockMovement``; a
line's ``quantity`` (on hand) and ``reserved`` are always the sums of its
movements' deltas (``manage.py inventory_check`` proves it), and
``shop.inventory.ledger`` keeps the stock record's ``num_in_stock`` /
``num_allocated`` equal to the sums over its lines.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Warehouse(models.Model):
    """A stocking location of one fulfilment partner, owned by a company (factory, transit or shop stock)."""

    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="warehouses", verbose_name=_("partner")
    )
    company = models.ForeignKey(
        "companies.Company",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="warehouses",
        verbose_name=_("company"),
        help_text=_("The company that owns this stock: a supplier's factory, a distributor's transit warehouse, …"),
    )
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=128)
    city = models.CharField(_("city"), max_length=64)
    country = models.CharField(_("country"), max_length=2, default="CN", help_text=_("ISO 3166-1 alpha-2 code"))
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower ships first under the “warehouse priority” allocation policy.")
    )

    class Meta:
        ordering = ["partner", "code"]
        verbose_name = _("warehouse")
        verbose_name_plural = _("warehouses")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class WarehouseStock(models.Model):
    """How many units of one stock record lie in one warehouse, and how many of them are promised to orders."""

    warehouse = models.ForeignKey(
        Warehouse, on_delete=models.CASCADE, related_name="stock_lines", verbose_name=_("warehouse")
    )
    stockrecord = models.ForeignKey(
        "partner.StockRecord", on_delete=models.CASCADE, related_name="warehouse_stock", verbose_name=_("stock record")
    )
    quantity = models.PositiveIntegerField(_("on hand"), default=0)
    reserved = models.PositiveIntegerField(_("reserved"), default=0)
    low_stock_threshold = models.PositiveIntegerField(
        _("low-stock threshold"),
        null=True,
        blank=True,
        help_text=_("Alert when the available quantity falls below this. Empty: no alert."),
    )
    below_threshold = models.BooleanField(_("below threshold"), default=False, editable=False)
    safety_stock = models.PositiveIntegerField(_("safety stock"), default=0)
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"), default=14)
    date_updated = models.DateTimeField(_("date updated"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["warehouse", "stockrecord"], name="inventory_stock_unique_per_warehouse"),
            models.CheckConstraint(condition=Q(quantity__gte=0), name="inventory_stock_quantity_not_negative"),
            models.CheckConstraint(condition=Q(reserved__lte=F("quantity")), name="inventory_reserved_within_on_hand"),
        ]
        ordering = ["stockrecord", "warehouse"]
        verbose_name = _("warehouse stock")
        verbose_name_plural = _("warehouse stock")

    def __str__(self) -> str:
        return f"{self.quantity} × {self.stockrecord.partner_sku} @ {self.warehouse.code}"

    @property
    def available(self) -> int:
        return self.quantity - self.reserved


class StockMovement(models.Model):
    """One entry of the stock ledger: a change of on-hand and/or reserved units of one warehouse line."""

    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("Receipt")
        COUNT = "count", _("Stock count")
        ADJUSTMENT = "adjustment", _("Adjustment")
        RESERVATION = "reservation", _("Reservation")
        RELEASE = "release", _("Release")
        SHIPMENT = "shipment", _("Shipment")
        RETURN = "return", _("Return")
        TRANSFER_OUT = "transfer_out", _("Transfer out")
        TRANSFER_IN = "transfer_in", _("Transfer in")

    stock = models.ForeignKey(
        WarehouseStock, on_delete=models.PROTECT, related_name="movements", verbose_name=_("warehouse stock")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    quantity = models.PositiveIntegerField(_("quantity"))
    on_hand_delta = models.IntegerField(_("on-hand change"), default=0)
    reserved_delta = models.IntegerField(_("reserved change"), default=0)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    reference = models.CharField(_("reference"), max_length=64, blank=True, db_index=True)
    order = models.ForeignKey(
        "order.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("order")
    )
    line = models.ForeignKey(
        "order.Line", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("order line")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["stock", "kind", "created_at"])]
        constraints = [models.CheckConstraint(condition=Q(quantity__gt=0), name="inventory_movement_quantity_positive")]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.quantity} @ {self.stock_id}"


class Reservation(models.Model):
    """Units of one warehouse line promised to one order line until shipped, released or expired."""

    stock = models.ForeignKey(
        WarehouseStock, on_delete=models.PROTECT, related_name="reservations", verbose_name=_("warehouse stock")
    )
    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="stock_reservations", verbose_name=_("order")
    )
    line = models.ForeignKey(
        "order.Line", on_delete=models.CASCADE, related_name="stock_reservations", verbose_name=_("order line")
    )
    quantity = models.PositiveIntegerField(_("reserved"))
    shipped = models.PositiveIntegerField(_("shipped"), default=0)
    released = models.PositiveIntegerField(_("released"), default=0)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["order", "line", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=F("shipped") + F("released")), name="inventory_reservation_not_overdrawn"
            )
        ]
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")

    def __str__(self) -> str:
        return f"{self.open_quantity}/{self.quantity} for line {self.line_id}"

    @property
    def open_quantity(self) -> int:
        return self.quantity - self.shipped - self.released


class StockAlert(models.Model):
    """A dashboard notification: a warehouse line's available stock fell below its threshold."""

    stock = models.ForeignKey(
        WarehouseStock, on_delete=models.CASCADE, related_name="alerts", verbose_name=_("warehouse stock")
    )
    available = models.IntegerField(_("available"))
    threshold = models.PositiveIntegerField(_("threshold"))
    created_at = models.DateTimeField(_("raised"), default=timezone.now)
    resolved_at = models.DateTimeField(
        _("back above threshold"), null=True, blank=True, help_text=_("When the stock rose above the threshold again.")
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("low-stock alert")
        verbose_name_plural = _("low-stock alerts")

    def __str__(self) -> str:
        return f"{self.stock_id}: {self.available} < {self.threshold}"


class StockSharing(models.Model):
    """A company's choice of who may see the stock in its warehouses."""

    company = models.OneToOneField(
        "companies.Company", on_delete=models.CASCADE, primary_key=True, related_name="stock_sharing"
    )
    share_with_suppliers = models.BooleanField(
        _("share with suppliers"),
        default=False,
        help_text=_("Suppliers see how much of their products lies in your warehouses."),
    )
    share_with_customers = models.BooleanField(
        _("share with customers"),
        default=False,
        help_text=_("Companies that buy from you see your available stock when ordering."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("stock sharing")
        verbose_name_plural = _("stock sharing")

    def __str__(self) -> str:
        return str(self.company_id)
