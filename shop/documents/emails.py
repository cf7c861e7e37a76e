"""The order confirmation email: Oscar's ORDER_PLACED message, in the buyer's language, invoice attached."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from oscar.core.loading import get_class

from shop.apps.checkout.payment import bank_transfer_instructions

from .invoice import invoice_filename, invoice_for, render_invoice_pdf
from .language import order_language, remember_order_language
from .models import OrderDocuments

OrderDispatcher = get_class("order.utils", "OrderDispatcher")

logger = logging.getLogger("shop.documents")


def confirmation_context(order) -> dict:
    """What the ORDER_PLACED templates get; call with the order's language active (URLs carry it)."""
    context = {
        "order": order,
        "user": order.user,
        "lines": order.lines.all(),
        "invoice": invoice_for(order),
        "bank_transfer": bank_transfer_instructions(order),
        "shop_name": settings.OSCAR_SHOP_NAME,
    }
    try:
        if order.user_id:
            context["status_path"] = reverse("customer:order", kwargs={"order_number": order.number})
            context["invoice_path"] = reverse("order-invoice", kwargs={"order_number": order.number})
        else:
            context["status_path"] = reverse(
                "customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()}
            )
    except NoReverseMatch:
        pass
    return context


def send_order_confirmation(order) -> bool:
    """Send the confirmation of ``order`` once, in its language with amounts in its currency.

    Returns False when it had been sent already (a retried task, a second call).
    """
    remember_order_language(order, None)
    with transaction.atomic():
        record = OrderDocuments.objects.select_for_update().get(order=order)
        if record.confirmation_sent_at is not None:
            return False
        with translation.override(order_language(order)):
            attachment = (invoice_filename(order), render_invoice_pdf(order), "application/pdf")
            OrderDispatcher(logger=logger).send_order_placed_email_for_user(
                order, confirmation_context(order), attachments=[attachment]
            )
        record.confirmation_sent_at = timezone.now()
        record.save(update_fields=["confirmation_sent_at"])
    return True
