"""The payment state of an order, kept apart from its fulfilment state."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.apps.checkout.payment import BANK_TRANSFER, ON_ACCOUNT, record_bank_transfer_received

from . import credit, stock
from .lifecycle import TransitionError, record_event
from .models import OrderEvent, OrderPayment, Role


def record_payment(order: Any, method: str, company: Any = None) -> OrderPayment:
    """The payment record of a just-placed order; on-account orders use the company's credit."""
    amount = order.total_incl_tax
    if method == ON_ACCOUNT:
        company = credit.reserve_credit(company, amount, order.currency)
        status, due_on = OrderPayment.Status.ON_ACCOUNT, credit.due_date(company)
    elif method == BANK_TRANSFER:
        status, due_on = OrderPayment.Status.PENDING, None
    else:
        raise credit.CreditError(_("That payment method is not available."))
    return OrderPayment.objects.create(
        order=order, method=method, status=status, amount=amount, currency=order.currency,
        company=company, due_on=due_on,
    )


def mark_paid(order: Any, *, user: Any) -> OrderPayment:
    """Staff record that the money for an order has arrived (bank transfer or on-account invoice)."""
    with transaction.atomic():
        payment = OrderPayment.objects.select_for_update().filter(order=order).first()
        if payment is None:
            raise TransitionError(_("This order has no payment to record."))
        if payment.status == OrderPayment.Status.PAID:
            raise TransitionError(_("This order is already marked paid."))
        if payment.status == OrderPayment.Status.VOID:
            raise TransitionError(_("This order was cancelled; there is nothing to pay."))
        if payment.method == BANK_TRANSFER:
            record_bank_transfer_received(order)
            stock.hold(order)  # paid: the stock stays reserved until shipped
        payment.status = OrderPayment.Status.PAID
        payment.paid_at = timezone.now()
        payment.marked_paid_by = user
        payment.save(update_fields=["status", "paid_at", "marked_paid_by"])
        record_event(order, OrderEvent.Kind.PAYMENT, user=user, role=Role.STAFF,
                     note=_("Payment of %(amount)s %(currency)s received.")
                     % {"amount": payment.amount, "currency": payment.currency})
    return payment
