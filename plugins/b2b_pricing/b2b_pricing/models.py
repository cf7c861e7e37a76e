"""Business prices: price lists with entries and quantity breaks, contract prices, order rules.

Models hold data and small invariants (``clean``); which price a buyer pays is
decided in :mod:`b2b_pricing.services.pricebook`. Every change to a list's
entries or breaks gives the list a new ``revision``, which is how every process
knows its cached copy of the list is stale.
"""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.currency.money import minor_units

PRICE_DIGITS = {"max_digits": 12, "decimal_places": 2}
POSITIVE = [MinValueValidator(Decimal("0.01"))]


def check_price(value: Decimal | None, currency: str, field: str) -> None:
    """Refuse zero, negative and over-precise prices for ``currency``."""
    if value is None:
        return
    if value <= 0:
        raise ValidationError({field: _("A price must be greater than zero.")})
    if currency and -value.as_tuple().exponent > minor_units(currency):
        raise ValidationError(
            {field: _("%(currency)s prices have at most %(places)d decimals.")
             % {"currency": currency, "places": minor_units(currency)}}
        )


def check_currency(code: str, field: str = "currency") -> None:
    if not code:
        raise ValidationError({field: _("Choose the currency of these prices.")})
    if code not in settings.SHOP_CURRENCIES:
        codes = ", ".join(settings.SHOP_CURRENCIES)
        raise ValidationError({field: _("Choose one of this shop's currencies: %(codes)s") % {"codes": codes}})


class PriceList(models.Model):
    """Prices in one currency for one company, one customer group, or every signed-in buyer."""

    class Audience(models.TextChoices):
        COMPANY = "company", _("One company")
        GROUP = "group", _("A customer group")
        EVERYONE = "everyone", _("Every signed-in buyer")

    name = models.CharField(_("name"), max_length=200)
    currency = models.CharField(_("currency"), max_length=3)
    company = models.ForeignKey(
        "companies.Company", null=True, blank=True, on_delete=models.CASCADE, related_name="b2b_price_lists",
        verbose_name=_("company"),
    )
    customer_group = models.ForeignKey(
        "companies.CustomerGroup", null=True, blank=True, on_delete=models.CASCADE, related_name="b2b_price_lists",
        verbose_name=_("customer group"),
    )
    priority = models.IntegerField(
        _("priority"), default=0, help_text=_("When several lists price a product, the highest priority wins.")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True, help_text=_("Inclusive."))
    min_quantity = models.PositiveIntegerField(
        _("minimum order quantity"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("For every product priced by this list, unless its entry says otherwise."),
    )
    pack_size = models.PositiveIntegerField(
        _("pack multiple"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Quantities must be a multiple of this (e.g. 12: sold by the box of 12)."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    revision = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("price list")
        verbose_name_plural = _("price lists")
        ordering = ["-priority", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(company__isnull=True) | models.Q(customer_group__isnull=True),
                name="b2b_price_list_one_audience",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.currency})"

    def save(self, *args, **kwargs) -> None:
        self.revision = uuid.uuid4()  # a form may carry an old revision; never keep it
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        check_currency(self.currency)
        if self.company_id and self.customer_group_id:
            raise ValidationError(_("A price list is for one company or one customer group, not both."))
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date is before the start date.")})

    @property
    def audience(self) -> str:
        if self.company_id:
            return self.Audience.COMPANY
        if self.customer_group_id:
            return self.Audience.GROUP
        return self.Audience.EVERYONE

    def is_current(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return (
            self.is_active
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_until is None or day <= self.valid_until)
        )


class PriceListEntry(models.Model):
    """A fixed unit price for one product (or, on a parent product, for all its variants)."""

    price_list = models.ForeignKey(PriceList, on_delete=models.CASCADE, related_name="entries")
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("product"))
    price = models.DecimalField(_("unit price"), validators=POSITIVE, **PRICE_DIGITS)
    min_quantity = models.PositiveIntegerField(
        _("minimum order quantity"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    pack_size = models.PositiveIntegerField(
        _("pack multiple"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("price list entry")
        verbose_name_plural = _("price list entries")
        ordering = ["price_list", "product_id"]
        constraints = [
            models.UniqueConstraint(fields=["price_list", "product"], name="b2b_one_entry_per_product"),
            models.CheckConstraint(condition=models.Q(price__gt=0), name="b2b_entry_price_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.product_id} @ {self.price}"


class TierTable(models.Model):
    """Quantity breaks of one product, or of a variant family when ``product`` is a parent."""

    price_list = models.ForeignKey(PriceList, on_delete=models.CASCADE, related_name="tier_tables")
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("product or variant family"))
    count_variants_together = models.BooleanField(
        _("count variants together"), default=False,
        help_text=_("For a parent product: 12 mixed colours reach the 12-piece break."),
    )

    class Meta:
        verbose_name = _("quantity break table")
        verbose_name_plural = _("quantity break tables")
        ordering = ["price_list", "product_id"]
        constraints = [models.UniqueConstraint(fields=["price_list", "product"], name="b2b_one_tier_table_per_product")]

    def __str__(self) -> str:
        return f"tiers of {self.product_id} in {self.price_list_id}"


class QuantityBreak(models.Model):
    """From ``min_quantity`` to ``max_quantity`` (inclusive; open-ended when empty) at ``price`` each."""

    table = models.ForeignKey(TierTable, on_delete=models.CASCADE, related_name="breaks")
    min_quantity = models.PositiveIntegerField(_("from quantity"), validators=[MinValueValidator(1)])
    max_quantity = models.PositiveIntegerField(_("to quantity"), null=True, blank=True,
                                               validators=[MinValueValidator(1)])
    price = models.DecimalField(_("unit price"), validators=POSITIVE, **PRICE_DIGITS)

    class Meta:
        verbose_name = _("quantity break")
        verbose_name_plural = _("quantity breaks")
        ordering = ["table", "min_quantity"]
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gt=0), name="b2b_break_price_positive"),
            models.CheckConstraint(
                condition=models.Q(max_quantity__isnull=True) | models.Q(max_quantity__gte=models.F("min_quantity")),
                name="b2b_break_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        upper = self.max_quantity if self.max_quantity is not None else "∞"
        return f"{self.min_quantity}–{upper} @ {self.price}"

    def covers(self, quantity: int) -> bool:
        return self.min_quantity <= quantity and (self.max_quantity is None or quantity <= self.max_quantity)


class ContractPrice(models.Model):
    """A price agreed with one company for a product, until an end date; it wins over every price list."""

    class Kind(models.TextChoices):
        FIXED = "fixed", _("Fixed unit price")
        PERCENT_OFF = "percent_off", _("Percentage off the list price")

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="b2b_contract_prices",
                                verbose_name=_("company"))
    product = models.ForeignKey("catalogue.Product", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("product"))
    currency = models.CharField(_("currency"), max_length=3)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FIXED)
    price = models.DecimalField(_("unit price"), null=True, blank=True, validators=POSITIVE, **PRICE_DIGITS)
    percent_off = models.DecimalField(
        _("percent off"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("99.99"))],
    )
    reference = models.CharField(_("contract reference"), max_length=100, blank=True)
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(_("ends on"), help_text=_("The last day the price applies."))
    alert_days = models.PositiveSmallIntegerField(
        _("alert days before the end"), default=30, validators=[MaxValueValidator(365)]
    )
    alert_sent_at = models.DateTimeField(_("end alert sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contract price")
        verbose_name_plural = _("contract prices")
        ordering = ["valid_until", "company_id", "pk"]
        indexes = [models.Index(fields=["company", "currency", "valid_until"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")), name="b2b_contract_dates_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company_id}/{self.product_id} until {self.valid_until}"

    def clean(self) -> None:
        super().clean()
        check_currency(self.currency)
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date is before the start date.")})
        if self.kind == self.Kind.FIXED:
            if self.price is None:
                raise ValidationError({"price": _("Give the agreed unit price.")})
            check_price(self.price, self.currency, "price")
            self.percent_off = None
        else:
            if self.percent_off is None:
                raise ValidationError({"percent_off": _("Give the percentage off the list price.")})
            if not Decimal("0") < self.percent_off < Decimal("100"):
                raise ValidationError({"percent_off": _("A percentage off must be between 0 and 100.")})
            self.price = None

    def is_current(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.valid_from <= day <= self.valid_until


class ProductOrderRule(models.Model):
    """How a product must be ordered by everyone: a minimum and a pack multiple (a parent covers its variants)."""

    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="b2b_order_rule",
                                   verbose_name=_("product"))
    min_quantity = models.PositiveIntegerField(_("minimum order quantity"), default=1,
                                               validators=[MinValueValidator(1)])
    pack_size = models.PositiveIntegerField(_("pack multiple"), default=1, validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("order rule")
        verbose_name_plural = _("order rules")
        ordering = ["product_id"]

    def __str__(self) -> str:
        return f"{self.product_id}: min {self.min_quantity}, pack {self.pack_size}"
