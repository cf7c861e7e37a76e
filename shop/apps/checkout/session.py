"""Checkout pre-conditions: Oscar's availability checks plus the plugins' checkout validators."""

from __future__ import annotations

from django.urls import reverse
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import session as oscar_session

from shop.plugins.manager import collect


class CheckoutSessionMixin(oscar_session.CheckoutSessionMixin):
    def check_basket_is_valid(self, request) -> None:
        super().check_basket_is_valid(request)
        problems = collect("shop_checkout_validate", basket=request.basket, user=request.user, request=request)
        if problems:
            raise exceptions.FailedPreCondition(url=reverse("basket:summary"), messages=[str(p) for p in problems])
