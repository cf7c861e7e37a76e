from django.dispatch import receiver
from django.utils import translation
from oscar.apps.order.signals import order_placed

from .language import remember_order_language


@receiver(order_placed, dispatch_uid="documents.order.language")
def record_order_language(sender, order, **kwargs) -> None:
    """The language active while the order is placed is the buyer's (idempotent)."""
    remember_order_language(order, translation.get_language())
