"""Which currency a request is priced in.

Order of precedence: the fixed billing currency of the company the request
acts for (``request.company``, set by the company middleware), then the
session's choice (the header switcher), then the signed-in buyer's saved
choice, then the base currency.
"""

from __future__ import annotations

from django.conf import settings

SESSION_KEY = "shop_currency"


def currency_for_request(request) -> str:
    if request is None:
        return settings.SHOP_BASE_CURRENCY
    cached = getattr(request, "_shop_currency", None)
    if cached:
        return cached
    company = getattr(request, "company", None)
    fixed = getattr(company, "billing_currency", "") if company is not None else ""
    if fixed in settings.SHOP_CURRENCIES:
        request._shop_currency = fixed
        return fixed
    code = None
    session = getattr(request, "session", None)
    if session is not None:
        code = session.get(SESSION_KEY)
    user = getattr(request, "user", None)
    if not code and user is not None and user.is_authenticated:
        from .models import BuyerCurrency

        code = BuyerCurrency.objects.filter(user=user).values_list("currency", flat=True).first()
        if code and session is not None:
            session[SESSION_KEY] = code
    if code not in settings.SHOP_CURRENCIES:
        code = settings.SHOP_BASE_CURRENCY
    request._shop_currency = code
    return code


def remember(request, code: str) -> None:
    request.session[SESSION_KEY] = code
    request._shop_currency = code
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from .models import BuyerCurrency

        BuyerCurrency.objects.update_or_create(user=user, defaults={"currency": code})
