"""Checkout pre-conditions: Oscar's availability checks, prices still valid, and the plugins' checkout
validators (minimum quantities and order rules come from plugins through ``shop_checkout_validate``)."""

from __future__ import annotations

from django.urls import reverse
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import session as oscar_session

from shop.orders.placement import price_changes
from shop.plugins.manager import collect


class CheckoutSessionMixin(oscar_session.CheckoutSessionMixin):
    def check_basket_is_valid(self, request) -> None:
        super().check_basket_is_valid(request)
        changed = price_changes(request.basket)
        if changed:
            raise exceptions.FailedPreCondition(url=reverse("basket:summary"), messages=changed)
        problems = collect("shop_checkout_validate", basket=request.basket, user=request.user, request=request)
        if problems:
            raise exceptions.FailedPreCondition(url=reverse("basket:summary"), messages=[str(p) for p in problems])
