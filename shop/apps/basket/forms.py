"""Oscar's basket forms; adding to the basket says "sign in" when an enabled plugin hides prices.

Quantity rules of plugins (``shop_purchase_permitted``) need nothing here: Oscar's
forms ask the strategy's availability, which asks the plugins
(:class:`shop.apps.partner.purchase.PluginRuledAvailability`).
"""

from __future__ import annotations

from django import forms
from oscar.apps.basket import forms as oscar_forms
from oscar.apps.basket.forms import *  # noqa: F403 - the forms this module does not change

from shop.apps.partner.purchase import SignInForPrices


class AddToBasketForm(oscar_forms.AddToBasketForm):
    def clean(self):
        if getattr(self.basket.strategy, "prices_hidden", False):
            _permitted, reason = SignInForPrices().is_purchase_permitted(1)
            raise forms.ValidationError(reason)
        return super().clean()


class SimpleAddToBasketForm(oscar_forms.SimpleAddToBasketMixin, AddToBasketForm):
    """The one-click form of listing cards, on top of the form above."""
