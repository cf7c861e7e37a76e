"""Pay on account: a company with terms orders now and pays by invoice, up to its credit limit.

The credit in use is the sum of the company's unpaid on-account orders. The
check runs inside the order placement transaction with the company row
locked, so two orders placed at once cannot both use the last of the credit.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.companies.models import Company

from .models import OrderPayment, PaymentTerms

DEFAULT_NET_DAYS = 30


class CreditError(ValueError):
    """The order cannot be put on account; ``str()`` tells the buyer why."""


def can_pay_on_account(company: Company | None) -> bool:
    return bool(company and company.is_active and company.pays_on_account and company.credit_limit > 0)


def credit_in_use(company: Company) -> Decimal:
    total = OrderPayment.objects.filter(company=company, status=OrderPayment.Status.ON_ACCOUNT).aggregate(
        total=Sum("amount")
    )["total"]
    return total or Decimal("0.00")


def available_credit(company: Company) -> Decimal:
    return max(company.credit_limit - credit_in_use(company), Decimal("0.00"))


def net_days(company: Company) -> int:
    terms = PaymentTerms.objects.filter(company=company).first()
    return terms.net_days if terms else DEFAULT_NET_DAYS


def reserve_credit(company: Company | None, amount: Decimal, currency: str) -> Company:
    """Lock the company and check that ``amount`` fits its remaining credit; raises :class:`CreditError`.

    Call inside the transaction that records the on-account payment.
    """
    if company is None:
        raise CreditError(_("Pay on account is for company accounts; choose another payment method."))
    company = Company.objects.select_for_update().get(pk=company.pk)
    if not can_pay_on_account(company):
        raise CreditError(_("%(company)s has no payment terms; choose another payment method.") % {"company": company})
    if currency != company.credit_currency:
        raise CreditError(
            _("Pay on account is in %(credit)s for your company; switch the basket to %(credit)s or pay by bank "
              "transfer.") % {"credit": company.credit_currency}
        )
    available = available_credit(company)
    if amount > available:
        raise CreditError(
            _("This order (%(amount)s %(currency)s) exceeds your company's available credit of %(available)s "
              "%(currency)s.") % {"amount": amount, "currency": currency, "available": available}
        )
    return company


def due_date(company: Company):
    return timezone.localdate() + timedelta(days=net_days(company))
