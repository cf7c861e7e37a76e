"""Company accounts: the businesses that buy (and supply), their people and addresses.

Models hold data and small invariants; the rules (who may invite, the last
admin, which company is active) live in :mod:`shop.companies.services` and
:mod:`shop.companies.selection`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .encryption import EncryptedCharField, EncryptedTextField


class CustomerGroup(models.Model):
    """A set of companies priced alike, e.g. "All distributors" or "Retailers in East China"."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("A short, stable identifier used by price lists.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("customer group")
        verbose_name_plural = _("customer groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Company(models.Model):
    class Kind(models.TextChoices):
        RETAILER = "retailer", _("Retailer")
        DISTRIBUTOR = "distributor", _("Distributor")
        CORPORATE = "corporate", _("Corporate buyer")
        SUPPLIER = "supplier", _("Supplier")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RETAILER)
    billing_currency = models.CharField(
        _("billing currency"),
        max_length=3,
        blank=True,
        help_text=_("When set, the company always buys in this currency, whatever a member picks in the header."),
    )
    customer_groups = models.ManyToManyField(
        CustomerGroup, blank=True, related_name="companies", verbose_name=_("customer groups")
    )
    distributor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="customers",
        limit_choices_to={"kind": "distributor"},
        verbose_name=_("distributor"),
        help_text=_("The distributor serving this company; it sees this company's orders."),
    )
    pays_on_account = models.BooleanField(
        _("pays on account"), default=False, help_text=_("Allowed to order now and pay by invoice later.")
    )
    credit_limit = models.DecimalField(
        _("credit limit"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text=_("In the billing currency (the base currency when none is fixed)."),
    )
    tax_id = EncryptedCharField(_("tax id"), max_length=64, blank=True)
    bank_account = EncryptedTextField(
        _("bank account details"), blank=True, help_text=_("Bank, account holder and account number or IBAN.")
    )
    partner = models.OneToOneField(
        "partner.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="company",
        verbose_name=_("fulfilment partner"),
        help_text=_("The catalogue partner whose products this company supplies or stocks."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.billing_currency and self.billing_currency not in settings.SHOP_CURRENCIES:
            raise ValidationError(
                {"billing_currency": _("Choose one of this shop's currencies: %(codes)s")
                 % {"codes": ", ".join(settings.SHOP_CURRENCIES)}}
            )
        if self.distributor_id:
            if self.distributor_id == self.pk:
                raise ValidationError({"distributor": _("A company cannot be its own distributor.")})
            if self.distributor and self.distributor.kind != self.Kind.DISTRIBUTOR:
                raise ValidationError({"distributor": _("Only a distributor company can serve other companies.")})

    @property
    def credit_currency(self) -> str:
        return self.billing_currency or settings.SHOP_BASE_CURRENCY


class Membership(models.Model):
    """A person's place in a company. A person may belong to several companies."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        BUYER = "buyer", _("Buyer")
        APPROVER = "approver", _("Approver")
        VIEWER = "viewer", _("Viewer")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.BUYER)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("company member")
        verbose_name_plural = _("company members")
        ordering = ["company__name", "user__email", "pk"]
        constraints = [models.UniqueConstraint(fields=["company", "user"], name="companies_one_membership_per_user")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.company} ({self.role})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN

    @property
    def can_order(self) -> bool:
        """Buyers and admins place and repeat orders; approvers and viewers look."""
        return self.role in (self.Role.ADMIN, self.Role.BUYER)


class Invitation(models.Model):
    """An emailed invitation to join a company with a role; accepted through a signed, expiring link."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.BUYER)
    key = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    language = models.CharField(max_length=10, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    closed_at = models.DateTimeField(_("accepted or revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["company", "status"])]

    def __str__(self) -> str:
        return f"{self.email} → {self.company} ({self.role})"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING and not self.is_expired


class CompanyAddress(models.Model):
    """A company's delivery or invoice address (head office, warehouse, a branch)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="addresses")
    label = models.CharField(_("label"), max_length=100, help_text=_("E.g. Head office, Warehouse Hangzhou."))
    contact_name = models.CharField(_("contact name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    line1 = models.CharField(_("address"), max_length=255)
    line2 = models.CharField(_("address (continued)"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120)
    state = models.CharField(_("province / state"), max_length=120, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, default="CN", help_text=_("ISO 3166-1 code."))
    for_shipping = models.BooleanField(_("deliveries"), default=True)
    for_billing = models.BooleanField(_("invoices"), default=False)

    class Meta:
        verbose_name = _("company address")
        verbose_name_plural = _("company addresses")
        ordering = ["label", "pk"]

    def __str__(self) -> str:
        return f"{self.label}: {self.line1}, {self.city}"

    @property
    def country_name(self) -> str:
        """The country's name in the active language (the code when unknown)."""
        from .forms import country_choices

        return dict(country_choices()).get(self.country, self.country)


class CompanyBasket(models.Model):
    """The company a basket is bought for, recorded while the buyer shops (a request is needed to know it)."""

    basket = models.OneToOneField("basket.Basket", on_delete=models.CASCADE, related_name="company_link")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("company basket")
        verbose_name_plural = _("company baskets")

    def __str__(self) -> str:
        return f"basket {self.basket_id} → {self.company_id}"


class CompanyOrder(models.Model):
    """The company an order was placed for; set when the order is placed, never changed afterwards."""

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="company_link")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="order_links")

    class Meta:
        verbose_name = _("company order")
        verbose_name_plural = _("company orders")

    def __str__(self) -> str:
        return f"order {self.order_id} → {self.company_id}"
