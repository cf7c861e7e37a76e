from django.dispatch import receiver
from oscar.apps.order.signals import order_status_changed

from .payment import STATUS_PAID, record_bank_transfer_received


@receiver(order_status_changed, dispatch_uid="checkout.bank_transfer.paid")
def bank_transfer_paid(sender, order, old_status, new_status, **kwargs) -> None:
    """Staff setting a bank-transfer order to "Paid" records the transfer as received."""
    if new_status == STATUS_PAID:
        record_bank_transfer_received(order)
