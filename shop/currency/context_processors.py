from django.conf import settings

from .selection import currency_for_request


def currency(request) -> dict:
    context = {"shop_currency": currency_for_request(request), "shop_currencies": settings.SHOP_CURRENCIES}
    user = getattr(request, "user", None)
    if user is not None and user.is_staff and request.path_info.split("/")[2:3] == ["dashboard"]:
        from .rates import rates_age_days

        age = rates_age_days()
        if age is None or age > settings.SHOP_RATES_MAX_AGE_DAYS:
            context["shop_rates_alert"] = {"age": age, "limit": settings.SHOP_RATES_MAX_AGE_DAYS}
    return context
