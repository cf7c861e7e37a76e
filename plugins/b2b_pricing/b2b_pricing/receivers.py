"""Signal receivers. Signals reach every installed app, so each receiver first checks the runtime switch."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from oscar.apps.basket.signals import basket_addition

from shop.plugins import state

from .apps import B2BPricingConfig
from .services.baskets import refresh_stored_prices, request_basket


@receiver(basket_addition, dispatch_uid="b2b_pricing.refresh_stored_prices")
def store_break_prices(sender: Any, product: Any, user: Any, request: Any, **kwargs: Any) -> None:
    """After an add that reached a quantity break, store the new unit price on that product's lines.

    Oscar compares a line's current price with the one stored when it was added
    and warns of a "price change"; a quantity break is not one. Idempotent.
    """
    if request is None or not state.is_enabled(B2BPricingConfig.label):
        return
    ids = {product.pk} | ({product.parent_id} if product.parent_id else set())
    refresh_stored_prices(request_basket(request), ids)
