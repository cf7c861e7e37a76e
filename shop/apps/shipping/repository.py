"""Shipping methods: the core's free delivery plus whatever enabled plugins offer."""

from __future__ import annotations

from oscar.apps.shipping import repository
from oscar.apps.shipping.methods import Free

from shop.plugins.manager import collect


class Repository(repository.Repository):
    methods = (Free(),)

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs) -> list:
        plugin_methods = collect(
            "shop_shipping_methods",
            basket=basket,
            user=kwargs.get("user"),
            shipping_addr=shipping_addr,
            request=kwargs.get("request"),
        )
        # Plugin methods first: a plugin that offers delivery knows better than "free".
        return [*plugin_methods, *self.methods]
