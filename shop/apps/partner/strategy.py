"""The core pricing strategy: Oscar's default policies, the buyer's currency, and the plugins' price chain.

Every price a buyer sees or pays comes from here: the stock record's list price
in the buyer's currency (an explicit price in that currency, or the base price
converted with the latest stored rate), then passed through
``shop_adjust_price`` of each enabled plugin (see
:func:`shop.plugins.manager.adjust_price`). Plugins change prices without
forking Oscar. With no rate for the buyer's currency the product is
unavailable in it rather than shown at a wrong price.

Plugins also decide who may see prices (``shop_prices_hidden``: then every
price is a :class:`~shop.apps.partner.purchase.HiddenPrice` and nothing can be
bought) and which quantities may be bought (``shop_purchase_permitted``, asked
by :class:`~shop.apps.partner.purchase.PluginRuledAvailability` whenever Oscar
checks a quantity: adding to the basket, changing a line, before checkout).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability
from oscar.apps.partner import strategy as oscar_strategy
from oscar.apps.partner.prices import FixedPrice, Unavailable

from shop.currency.money import quantize
from shop.currency.pricing import price_in
from shop.currency.rates import current_table
from shop.currency.selection import currency_for_request
from shop.plugins.manager import adjust_price, prices_hidden, purchase_refusal

from .purchase import HiddenPrice, PluginRuledAvailability, SignInForPrices


class NoPriceInCurrency(availability.Unavailable):
    message = _("Not available in this currency")


class PriceChainPricing:
    """Pricing policy mixin: list price in the buyer's currency → plugin chain, net of tax."""

    currency: str

    def pricing_policy(self, product, stockrecord, line=None):
        if self.prices_hidden:
            return HiddenPrice()
        if not stockrecord or stockrecord.price is None:
            return Unavailable()
        listed = price_in(stockrecord, self.currency, self.rate_table)
        if listed is None:
            return Unavailable()
        context = {
            "user": self.user,
            "request": self.request,
            "quantity": line.quantity if line is not None else 1,
            "line": line,
            "basket": line.basket if line is not None else None,
        }
        amount = adjust_price(product, stockrecord, listed.amount, self.currency, context)
        price = FixedPrice(currency=self.currency, excl_tax=quantize(amount, self.currency), tax=Decimal("0"))
        price.method = listed.method  # "base", "explicit" or "converted": shown to staff
        price.exchange_rate = listed.rate
        price.rates_used = listed.rates
        return price

    def parent_pricing_policy(self, product, children_stock):
        if self.prices_hidden:
            return HiddenPrice()
        prices = [self.pricing_policy(child, sr) for child, sr in children_stock if sr and sr.price is not None]
        prices = [p for p in prices if p.exists]
        if not prices:
            return Unavailable()
        return min(prices, key=lambda p: p.excl_tax)

    def availability_policy(self, product, stockrecord, basket=None):
        if self.prices_hidden:
            return SignInForPrices()
        if (
            stockrecord
            and stockrecord.price is not None
            and price_in(stockrecord, self.currency, self.rate_table) is None
        ):
            return NoPriceInCurrency()
        policy = super().availability_policy(product, stockrecord)
        if basket is None:
            basket = getattr(self.request, "_basket_cache", None)  # the request's basket, if already loaded

        def refusal(quantity: int) -> str | None:
            return purchase_refusal(product, stockrecord, quantity, self.user, self.request, basket)

        return PluginRuledAvailability(policy, refusal)

    def parent_availability_policy(self, product, children_stock):
        if self.prices_hidden:
            return SignInForPrices()
        return super().parent_availability_policy(product, children_stock)


class LinePricing:
    """Basket lines are priced for their quantity, so plugins can apply quantity breaks."""

    def fetch_for_line(self, line, stockrecord=None):
        stockrecord = stockrecord or line.stockrecord
        if stockrecord is None:
            return self.fetch_for_product(line.product)
        return oscar_strategy.PurchaseInfo(
            price=self.pricing_policy(line.product, stockrecord, line=line),
            availability=self.availability_policy(line.product, stockrecord, basket=line.basket),
            stockrecord=stockrecord,
        )


class ShopStrategy(
    LinePricing,
    oscar_strategy.UseFirstStockRecord,
    PriceChainPricing,
    oscar_strategy.StockRequired,
    oscar_strategy.Structured,
):
    def __init__(self, request=None, user=None, currency: str | None = None):
        super().__init__(request)
        if user is not None and getattr(user, "is_authenticated", False):
            self.user = user
        self.currency = currency or currency_for_request(request)
        self.rate_table = current_table()
        self._prices_hidden: bool | None = None

    @property
    def prices_hidden(self) -> bool:
        """True when an enabled plugin hides prices from this visitor (asked once per strategy)."""
        if self._prices_hidden is None:
            self._prices_hidden = prices_hidden(self.user, self.request)
        return self._prices_hidden


class Selector:
    def strategy(self, request=None, user=None, currency: str | None = None, **kwargs) -> ShopStrategy:
        return ShopStrategy(request, user=user, currency=currency)
