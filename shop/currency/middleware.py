from __future__ import annotations

from .basket import reprice_basket
from .selection import currency_for_request


class BasketCurrencyMiddleware:
    """Keep the basket in the request's currency (after sign-in merges, expired sessions …).

    Runs after Oscar's BasketMiddleware; re-prices only when the currencies differ.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        basket = getattr(request, "basket", None)
        if basket is not None and basket.id and basket.num_lines:
            wanted = currency_for_request(request)
            if basket.currency != wanted:
                reprice_basket(basket, request.strategy)
        return self.get_response(request)
