"""Payment methods of the checkout. One real one: bank transfer, paid by the buyer after ordering.

A bank-transfer order is placed at once with status "Pending payment" and an
Oscar payment source that allocates the order total with the order number as
reference. When staff set the order to "Paid" (Oscar's order dashboard), the
source is debited and a payment event records the money as received.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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
# Keep these in step with OSCAR_INITIAL_ORDER_STATUS and OSCAR_ORDER_STATUS_PIPELINE in settings.
STATUS_PENDING_PAYMENT = "Pending payment"
STATUS_PAID = "Paid"


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


def available_methods() -> list[PaymentMethod]:
    """The payment methods a buyer may choose; bank transfer only when the bank details are configured."""
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
    return methods


def get_method(code: str | None) -> PaymentMethod | None:
    return next((m for m in available_methods() if m.code == code), None)


def bank_transfer_source(order_number: str, currency: str, amount: Decimal) -> Source:
    """An unsaved payment source allocating ``amount`` to a bank transfer referenced by the order number."""
    source_type, _ = SourceType.objects.get_or_create(code=BANK_TRANSFER, defaults={"name": BANK_TRANSFER_SOURCE_NAME})
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

    Idempotent: setting an order to "Paid" twice records the money once.
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
