from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExchangeRate(models.Model):
    """1 ``base`` = ``rate`` ``quote`` on ``valid_on``, from a provider or set by hand.

    Rows are never updated: a new rate is a new row, so an order can always
    point at the exact rates it used.
    """

    class Source(models.TextChoices):
        ECB = "ecb", _("European Central Bank")
        MANUAL = "manual", _("manual override")

    base = models.CharField(_("base currency"), max_length=3)
    quote = models.CharField(_("quote currency"), max_length=3)
    rate = models.DecimalField(
        _("rate"), max_digits=20, decimal_places=10, validators=[MinValueValidator(Decimal("0.0000000001"))]
    )
    valid_on = models.DateField(_("valid on"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    note = models.CharField(_("reason"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-valid_on", "-created_at", "-id"]
        indexes = [models.Index(fields=["base", "quote", "-valid_on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="exchange_rate_positive"),
            models.UniqueConstraint(
                fields=["base", "quote", "valid_on", "source"],
                condition=models.Q(source="ecb"),
                name="one_provider_rate_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"1 {self.base} = {self.rate} {self.quote} ({self.valid_on}, {self.source})"

    def clean(self) -> None:
        if self.rate is not None and self.rate <= 0:
            raise ValidationError({"rate": _("A rate must be greater than zero.")})
        if self.base == self.quote:
            raise ValidationError({"quote": _("Base and quote currency must differ.")})


class BuyerCurrency(models.Model):
    """The currency a signed-in buyer chose last; restored when they sign in again."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="currency_choice")
    currency = models.CharField(_("currency"), max_length=3)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("buyer currency")
        verbose_name_plural = _("buyer currencies")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.currency}"


class OrderCurrency(models.Model):
    """What an order was priced in, and the exact rates used, frozen at placement."""

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="currency_record")
    currency = models.CharField(_("currency"), max_length=3)
    base_currency = models.CharField(_("base currency"), max_length=3)
    rate = models.DecimalField(
        _("effective rate (1 base = rate currency)"), max_digits=28, decimal_places=14, null=True, blank=True
    )
    rates = models.ManyToManyField(ExchangeRate, blank=True, related_name="orders")

    class Meta:
        verbose_name = _("order currency")
        verbose_name_plural = _("order currencies")

    def __str__(self) -> str:
        return f"{self.order_id}: {self.currency}"
