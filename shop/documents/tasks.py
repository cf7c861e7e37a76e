"""Order documents made outside the request (Celery; inline when no broker is configured)."""

from __future__ import annotations

from celery import shared_task
from oscar.core.loading import get_model

from .emails import send_order_confirmation as send_confirmation

Order = get_model("order", "Order")


@shared_task(autoretry_for=(OSError,), retry_backoff=60, retry_kwargs={"max_retries": 5})
def send_order_confirmation(order_id: int) -> bool:
    """Render the confirmation email and invoice PDF of an order and queue the email (once per order)."""
    return send_confirmation(Order.objects.get(pk=order_id))
