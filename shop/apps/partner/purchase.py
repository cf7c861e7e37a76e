"""What the core strategy answers when plugins have a say in buying: hidden prices and purchase rules.

* :class:`HiddenPrice` / :class:`SignInForPrices` — an enabled plugin hides
  prices from this visitor (``shop_prices_hidden``): no price exists, the theme
  shows "Sign in for prices", and nothing can be added to the basket.
* :class:`PluginRuledAvailability` — Oscar's stock availability, and on top of
  it the plugins' ``shop_purchase_permitted`` rules (pack multiples, minimum
  quantities, …) for every quantity Oscar checks. "Available to buy" on listings
  stays the stock answer: a box-of-12 product is available even though 1 of it
  cannot be ordered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability
from oscar.apps.partner.prices import Unavailable


class HiddenPrice(Unavailable):
    """No price for this visitor: an enabled plugin hides prices (the theme shows "Sign in for prices")."""

    is_hidden = True


class SignInForPrices(availability.Unavailable):
    """Prices are hidden from this visitor, so nothing can be bought before signing in."""

    code = "sign-in-for-prices"
    message = _("Sign in for prices")

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        return False, str(_("Sign in to see prices and to order."))


class PluginRuledAvailability(availability.Base):
    """Oscar's availability answer, then the enabled plugins' purchase rules for the quantity asked about.

    ``refusal(quantity)`` returns the first plugin's reason against the quantity
    (or None); everything else — code, messages, stock numbers — is the wrapped
    policy's.
    """

    def __init__(self, policy: availability.Base, refusal: Callable[[int], str | None]) -> None:
        self.policy = policy
        self._refusal = refusal

    def __getattr__(self, name: str) -> Any:
        if name in {"policy", "_refusal"}:  # not set yet (e.g. while unpickling)
            raise AttributeError(name)
        return getattr(self.policy, name)

    @property
    def code(self) -> str:
        return self.policy.code

    @property
    def message(self) -> str:
        return self.policy.message

    @property
    def short_message(self) -> str:
        return self.policy.short_message

    @property
    def dispatch_date(self) -> Any:
        return self.policy.dispatch_date

    @property
    def is_available_to_buy(self) -> bool:
        return self.policy.is_available_to_buy

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        permitted, reason = self.policy.is_purchase_permitted(quantity)
        if not permitted:
            return permitted, reason
        refusal = self._refusal(quantity)
        if refusal:
            return False, refusal
        return True, reason
