from __future__ import annotations

from django.utils.functional import SimpleLazyObject, empty

from .selection import attach, membership_for_request, tag_basket


class CompanyMiddleware:
    """Set ``request.company`` and ``request.membership`` (validated every request) and tag the basket.

    Runs before Oscar's BasketMiddleware, so that the basket's currency strategy
    already sees the company's fixed billing currency. After the view, a basket
    that was loaded is recorded as bought for the active company, because the
    ``order_placed`` signal has no request to ask; the session remembers the
    recorded pair, so this costs no query once done.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        attach(request, membership_for_request(request))
        response = self.get_response(request)
        basket = getattr(request, "basket", None)
        if basket is not None and not (isinstance(basket, SimpleLazyObject) and basket._wrapped is empty):
            tag_basket(request, basket)
        return response
