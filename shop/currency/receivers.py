from decimal import Decimal

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from oscar.apps.order.signals import order_placed

from . import rates
from .models import ExchangeRate, OrderCurrency


@receiver([post_save, post_delete], sender=ExchangeRate, dispatch_uid="currency.rates.invalidate")
def forget_cached_rates(**kwargs):
    rates.invalidate()


@receiver(order_placed, dispatch_uid="currency.order.snapshot")
def freeze_order_currency(sender, order, **kwargs):
    """Record the order's currency and the exact rates behind its prices (idempotent)."""
    base = settings.SHOP_BASE_CURRENCY
    record, created = OrderCurrency.objects.get_or_create(
        order=order, defaults={"currency": order.currency, "base_currency": base}
    )
    if not created or order.currency == base:
        return
    try:
        rate, used = rates.current_table().rate(base, order.currency)
    except rates.MissingRate:
        return
    record.rate = rate.quantize(Decimal("1e-14"))
    record.save(update_fields=["rate"])
    record.rates.set([r.id for r in used])
