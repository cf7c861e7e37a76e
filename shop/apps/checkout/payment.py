"""Payment methods of the checkout: bank transfer and pay on account; neither needs a gateway.

A bank-transfer order is placed at once with an Oscar payment source that
allocates the order total with the order number as reference; its payment
state (``shop.orders.models.OrderPayment``) stays "awaiting payment" until
staff mark it paid, which debits the source and logs a payment event.

Pay on account is offered to companies with payment terms (``pays_on_account``
and a credit limit); the order is placed on the company's account and the
credit check runs inside the placement transaction (``shop.orders.credit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")

BANK_TRANSFER = "bank-transfer"
BANK_TRANSFER_SOURCE_NAME = "Bank transfer"
BANK_TRANSFER_RECEIVED_EVENT = "Bank transfer received"
ON_ACCOUNT = "on-account"
ON_ACCOUNT_SOURCE_NAME = "On account"


@dataclass(frozen=True)
class PaymentMethod:
    code: str
    name: str | Promise
    description: str | Promise


@dataclass(frozen=True)
class BankTransferInstructions:
    """What the buyer needs to pay an order by bank transfer."""

    amount: Decimal
    currency: str
    reference: str
    details: str
    paid: bool


def bank_transfer_details() -> str:
    """The shop's bank account as shown to buyers (``BANK_TRANSFER_DETAILS``)."""
    return settings.SHOP_BANK_TRANSFER_DETAILS


def available_methods(company: Any = None) -> list[PaymentMethod]:
    """The payment methods a buyer may choose: bank transfer when the bank details are configured, pay on
    account when the buyer's company has payment terms (an active company allowed to, with a credit limit)."""
    methods = []
    if bank_transfer_details():
        methods.append(
            PaymentMethod(
                BANK_TRANSFER,
                _("Bank transfer"),
                _(
                    "Transfer the order total to our bank account after ordering, with the order number "
                    "as reference. We process the order when the money has arrived."
                ),
            )
        )
    if company is not None and company.is_active and company.pays_on_account and company.credit_limit > 0:
        methods.append(
            PaymentMethod(
                ON_ACCOUNT,
                _("Pay on account"),
                _("The order goes on your company's account; pay the invoice within your payment terms."),
            )
        )
    return methods


def get_method(code: str | None, company: Any = None) -> PaymentMethod | None:
    return next((m for m in available_methods(company) if m.code == code), None)


def bank_transfer_source(order_number: str, currency: str, amount: Decimal) -> Source:
    """An unsaved payment source allocating ``amount`` to a bank transfer referenced by the order number."""
    source_type, _ = SourceType.objects.get_or_create(code=BANK_TRANSFER, defaults={"name": BANK_TRANSFER_SOURCE_NAME})
    return Source(source_type=source_type, currency=currency, amount_allocated=amount, reference=order_number)


def on_account_source(order_number: str, currency: str, amount: Decimal) -> Source:
    """An unsaved payment source allocating ``amount`` to the company's account (invoiced, paid later)."""
    source_type, _ = SourceType.objects.get_or_create(code=ON_ACCOUNT, defaults={"name": ON_ACCOUNT_SOURCE_NAME})
    return Source(source_type=source_type, currency=currency, amount_allocated=amount, reference=order_number)


def bank_transfer_instructions(order) -> BankTransferInstructions | None:
    """How to pay ``order`` by bank transfer; None when it is not a bank-transfer order."""
    source = next((s for s in order.sources.all() if s.source_type.code == BANK_TRANSFER), None)
    if source is None:
        return None
    return BankTransferInstructions(
        amount=source.amount_allocated,
        currency=source.currency,
        reference=source.reference or order.number,
        details=bank_transfer_details(),
        paid=source.amount_debited >= source.amount_allocated,
    )


def record_bank_transfer_received(order) -> bool:
    """Debit the order's open bank-transfer allocations and log the payment; False if nothing was open.

    Idempotent: marking an order paid twice records the money once.
    """
    with transaction.atomic():
        sources = list(Source.objects.select_for_update().filter(order=order, source_type__code=BANK_TRANSFER))
        open_sources = [s for s in sources if s.amount_allocated - s.amount_debited > 0]
        if not open_sources:
            return False
        event_type, _ = PaymentEventType.objects.get_or_create(name=BANK_TRANSFER_RECEIVED_EVENT)
        for source in open_sources:
            amount = source.amount_allocated - source.amount_debited
            source.debit(amount, reference=source.reference or order.number)
            event = PaymentEvent.objects.create(
                order=order, amount=amount, reference=source.reference or order.number, event_type=event_type
            )
            PaymentEventQuantity.objects.bulk_create(
                [PaymentEventQuantity(event=event, line=line, quantity=line.quantity) for line in order.lines.all()]
            )
    return True
