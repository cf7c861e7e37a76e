"""The core pricing strategy: Oscar's default policies with the plugins' price chain.

Every price a buyer sees or pays comes from here: the stock record's list
price, passed through ``shop_adjust_price`` of each enabled plugin
(see :func:`shop.plugins.manager.adjust_price`). Plugins change prices without
forking Oscar.
"""

from __future__ import annotations

from decimal import Decimal

from oscar.apps.partner import strategy as oscar_strategy
from oscar.apps.partner.prices import FixedPrice, Unavailable

from shop.plugins.manager import adjust_price


class PriceChainPricing:
    """Pricing policy mixin: list price → plugin chain, tax-free (B2B prices are quoted net)."""

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return Unavailable()
        context = {"user": self.user, "request": self.request, "quantity": 1}
        price = adjust_price(product, stockrecord, Decimal(stockrecord.price), stockrecord.price_currency, context)
        return FixedPrice(currency=stockrecord.price_currency, excl_tax=price, tax=Decimal("0.00"))

    def parent_pricing_policy(self, product, children_stock):
        priced = [(child, sr) for child, sr in children_stock if sr and sr.price is not None]
        if not priced:
            return Unavailable()
        prices = [self.pricing_policy(child, sr) for child, sr in priced]
        return min(prices, key=lambda p: p.excl_tax)


class ShopStrategy(
    oscar_strategy.UseFirstStockRecord,
    oscar_strategy.StockRequired,
    PriceChainPricing,
    oscar_strategy.Structured,
):
    def __init__(self, request=None, user=None):
        super().__init__(request)
        if user is not None and getattr(user, "is_authenticated", False):
            self.user = user


class Selector:
    def strategy(self, request=None, user=None, **kwargs) -> ShopStrategy:
        return ShopStrategy(request, user=user)
