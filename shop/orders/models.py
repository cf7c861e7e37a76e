"""What the B2B order lifecycle adds to Oscar's order: fulfilment per supplier, shipments, the
timeline, payment state, returns and the operators' alert thresholds.

Oscar's ``Order``/``Line`` stay the record of what was bought. Each order is
split into one :class:`FulfilmentGroup` per supplier (Oscar partner); the
group carries the lifecycle state, and the order's ``status`` is the summary
of its groups (see :mod:`shop.orders.lifecycle`). Rules live in the services.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")
    IN_PRODUCTION = "in_production", _("In production")
    PARTIALLY_SHIPPED = "partially_shipped", _("Partially shipped")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Role(models.TextChoices):
    BUYER = "buyer", _("Buyer")
    SUPPLIER = "supplier", _("Supplier")
    STAFF = "staff", _("Staff")
    SYSTEM = "system", _("System")


class FulfilmentGroup(models.Model):
    """The lines of one order that one supplier fulfils; the buyer still sees one order."""

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="fulfilment_groups")
    partner = models.ForeignKey(
        "partner.Partner", null=True, on_delete=models.PROTECT, related_name="fulfilment_groups",
        verbose_name=_("supplier"),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.SUBMITTED)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_groups",
        verbose_name=_("ships together with"),
    )
    progress_note = models.TextField(_("production progress"), blank=True)
    rejection_reason = models.TextField(_("rejection reason"), blank=True)
    confirm_due_at = models.DateTimeField(_("confirm by"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("fulfilment group")
        verbose_name_plural = _("fulfilment groups")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["order", "partner"], name="orders_one_group_per_supplier")]
        indexes = [models.Index(fields=["state", "confirm_due_at"])]

    def __str__(self) -> str:
        return f"{self.order_id}/{self.partner_id} ({self.state})"

    def lines(self) -> models.QuerySet:
        return self.order.lines.filter(partner_id=self.partner_id)


class OrderEvent(models.Model):
    """One entry of an order's timeline: who did what, when, with which note."""

    class Kind(models.TextChoices):
        PLACED = "placed", _("Order placed")
        STATE = "state", _("State changed")
        PAYMENT = "payment", _("Payment")
        SHIPMENT = "shipment", _("Shipment")
        MERGE = "merge", _("Merged")
        RETURN = "return", _("Return")
        ALERT = "alert", _("Alert")

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="timeline")
    group = models.ForeignKey(FulfilmentGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("by"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SYSTEM)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("order event")
        verbose_name_plural = _("order events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.order_id} {self.kind} {self.from_state}→{self.to_state}"


class Shipment(models.Model):
    """Goods leaving a supplier: some or all of the open quantities of one or more orders' lines."""

    group = models.ForeignKey(FulfilmentGroup, on_delete=models.PROTECT, related_name="shipments")
    carrier = models.CharField(_("carrier"), max_length=80, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=80, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("shipped"), auto_now_add=True)

    class Meta:
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"shipment {self.pk} ({self.tracking_number or '-'})"


class ShipmentLine(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="shipment_lines")
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("shipment line")
        verbose_name_plural = _("shipment lines")
        constraints = [
            models.UniqueConstraint(fields=["shipment", "line"], name="orders_shipment_line_once"),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="orders_shipment_line_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × line {self.line_id}"


class OrderPayment(models.Model):
    """How an order is paid and whether the money is in; separate from the fulfilment state."""

    class Method(models.TextChoices):
        BANK_TRANSFER = "bank-transfer", _("Bank transfer")
        ON_ACCOUNT = "on-account", _("Pay on account")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting payment")
        ON_ACCOUNT = "on_account", _("On account, invoice due")
        PAID = "paid", _("Paid")
        VOID = "void", _("Void (order cancelled)")

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="payment_info")
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    status = models.CharField(_("payment"), max_length=20, choices=Status.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    company = models.ForeignKey(
        "companies.Company", null=True, blank=True, on_delete=models.PROTECT, related_name="order_payments"
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    marked_paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("order payment")
        verbose_name_plural = _("order payments")
        indexes = [models.Index(fields=["company", "status"])]

    def __str__(self) -> str:
        return f"{self.order_id}: {self.method} {self.status}"


class PaymentTerms(models.Model):
    """Net payment days of a company that pays on account (its credit limit is on the company)."""

    company = models.OneToOneField("companies.Company", on_delete=models.CASCADE, related_name="payment_terms")
    net_days = models.PositiveSmallIntegerField(_("net days"), default=30)

    class Meta:
        verbose_name = _("payment terms")
        verbose_name_plural = _("payment terms")

    def __str__(self) -> str:
        return f"{self.company_id}: net {self.net_days}"


class ReturnRequest(models.Model):
    """A buyer's after-sales request for some delivered units; staff or the supplier decide."""

    class Reason(models.TextChoices):
        DAMAGED = "damaged", _("Arrived damaged")
        WRONG_ITEM = "wrong_item", _("Wrong item delivered")
        DEFECTIVE = "defective", _("Defective")
        SURPLUS = "surplus", _("Ordered too many")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted, stock returned")
        REFUSED = "refused", _("Refused")

    class Outcome(models.TextChoices):
        REFUND = "refund", _("Refund")
        REPLACEMENT = "replacement", _("Replacement")
        CREDIT_NOTE = "credit_note", _("Credit note")
        NONE = "none", _("No compensation")

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="return_requests")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("details"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("return request")
        verbose_name_plural = _("return requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"return {self.pk} of order {self.order_id}"


class ReturnLine(models.Model):
    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="return_lines")
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(quantity__gte=1), name="orders_return_line_positive")]

    def __str__(self) -> str:
        return f"{self.quantity} × line {self.line_id}"


class AlertSettings(models.Model):
    """The operators' thresholds for order alerts (one row, edited in the dashboard)."""

    confirm_within_hours = models.PositiveIntegerField(
        _("confirm within (hours)"), default=24, validators=[MinValueValidator(1)],
        help_text=_("Suppliers without their own SLA must confirm a new order within this many hours."),
    )
    reservation_warning_hours = models.PositiveIntegerField(
        _("warn before reservations expire (hours)"), default=12, validators=[MinValueValidator(1)]
    )
    unpaid_hold_hours = models.PositiveIntegerField(
        _("hold stock for unpaid bank transfers (hours)"), default=168,
        help_text=_("A bank-transfer order not marked paid within this time is cancelled and its stock released. "
                    "0: hold until staff act."),
    )
    recipients = models.TextField(
        _("alert emails"), blank=True, help_text=_("One address per line; empty sends to the site managers.")
    )

    class Meta:
        verbose_name = _("order alert settings")
        verbose_name_plural = _("order alert settings")

    def __str__(self) -> str:
        return "order alert settings"

    @classmethod
    def current(cls) -> AlertSettings:
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj

    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class SupplierSLA(models.Model):
    """How fast one supplier must confirm orders (overrides the default in the alert settings)."""

    partner = models.OneToOneField("partner.Partner", on_delete=models.CASCADE, related_name="order_sla")
    confirm_within_hours = models.PositiveIntegerField(
        _("confirm within (hours)"), validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("supplier SLA")
        verbose_name_plural = _("supplier SLAs")

    def __str__(self) -> str:
        return f"{self.partner_id}: {self.confirm_within_hours} h"


class OrderAlert(models.Model):
    """An anomaly found by the periodic check; ``key`` makes each one raised (and emailed) once."""

    class Kind(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Not confirmed within the SLA")
        RESERVATION_EXPIRING = "reservation_expiring", _("Reservation about to expire")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    key = models.CharField(max_length=120, unique=True)
    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="alerts")
    group = models.ForeignKey(FulfilmentGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts")
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("order alert")
        verbose_name_plural = _("order alerts")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.key

