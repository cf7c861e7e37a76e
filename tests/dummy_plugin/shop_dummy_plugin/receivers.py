"""The dummy plugin's receivers of the core's plugin signals (connected in ``ready()``).

Both are idempotent: a repeated event leaves one note.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from shop.plugins.signals import order_placed, order_status_changed

from . import services


@receiver(order_placed, dispatch_uid="shop_dummy_plugin.order_placed")
def note_order_placed(sender: Any, order: Any, **kwargs: Any) -> None:
    services.record_order_placed(order.number)


@receiver(order_status_changed, dispatch_uid="shop_dummy_plugin.order_status_changed")
def note_order_status_changed(sender: Any, order: Any, old_status: str, new_status: str, **kwargs: Any) -> None:
    services.record_status_change(order.number, old_status, new_status)
