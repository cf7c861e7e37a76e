"""Bridges from Oscar's signals to the plugin framework's events.

Oscar sends its signals inside the request's transaction; plugins hear ours
only after commit, so a receiver never sees an order that was rolled back.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver
from oscar.apps.order.signals import order_placed as oscar_order_placed
from oscar.apps.order.signals import order_status_changed as oscar_order_status_changed

from shop.plugins import signals


@receiver(oscar_order_placed, dispatch_uid="shop.bridge.order_placed")
def bridge_order_placed(sender, order, user=None, **kwargs):
    transaction.on_commit(lambda: signals.order_placed.send(sender=type(order), order=order, user=user))


@receiver(oscar_order_status_changed, dispatch_uid="shop.bridge.order_status_changed")
def bridge_order_status_changed(sender, order, old_status, new_status, **kwargs):
    transaction.on_commit(
        lambda: signals.order_status_changed.send(
            sender=type(order), order=order, old_status=old_status, new_status=new_status
        )
    )
