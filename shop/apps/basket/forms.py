"""Oscar's basket forms; adding to the basket starts at a quantity the plugins accept, and says "sign in"
when an enabled plugin hides prices.

Quantity rules of plugins (``shop_purchase_permitted``) are enforced by Oscar's
forms asking the strategy's availability, which asks the plugins
(:class:`shop.apps.partner.purchase.PluginRuledAvailability`); here the quantity
box only starts at the smallest quantity they accept (``shop_order_quantity``).
"""

from __future__ import annotations

from django import forms
from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F403 - the forms this module does not change

from shop.apps.partner.purchase import SignInForPrices
from shop.plugins.manager import order_quantity


class AddToBasketForm(oscar_forms.AddToBasketForm):
    def __init__(self, basket, product, *args, **kwargs):
        super().__init__(basket, product, *args, **kwargs)
        field = self.fields.get("quantity")
        quick = isinstance(self, oscar_forms.SimpleAddToBasketMixin)  # its quantity is a hidden 1
        if field is not None and not quick and not product.is_parent:
            strategy = getattr(basket, "strategy", None)
            smallest, multiple = order_quantity(
                product, getattr(strategy, "user", None), getattr(strategy, "request", None)
            )
            field.initial = smallest
            if multiple > 1:
                field.widget.attrs["data-order-multiple"] = multiple

    def clean(self):
        if getattr(self.basket.strategy, "prices_hidden", False):
            _permitted, reason = SignInForPrices().is_purchase_permitted(1)
            raise forms.ValidationError(reason)
        return super().clean()


class SimpleAddToBasketForm(oscar_forms.SimpleAddToBasketMixin, AddToBasketForm):
    """The one-click form of listing cards, on top of the form above."""
