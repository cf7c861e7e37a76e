"""Signal receivers: each only calls a service."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from shop.inventory.signals import reservation_expired

from .lifecycle import cancel_unpaid


@receiver(reservation_expired, dispatch_uid="shop_orders.cancel_unpaid_on_expiry")
def cancel_order_when_its_reservation_expired(sender: Any, order: Any, units: int, **kwargs: Any) -> None:
    """An unpaid order whose stock hold ran out is cancelled (idempotent: closed orders are left alone)."""
    cancel_unpaid(order)
