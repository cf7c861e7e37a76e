"""Signal receivers: each only calls a service."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from oscar.apps.order.signals import order_placed

from .services import record_order_company


@receiver(order_placed, dispatch_uid="companies.record_order_company")
def link_placed_order_to_company(sender: Any, order: Any, user: Any = None, **kwargs: Any) -> None:
    """Orders placed for a company join its order list (the company recorded on the basket)."""
    record_order_company(order, user)
