"""Template helpers of the CMS blocks."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django import template
from django.utils.translation import get_language
from oscar.templatetags.currency_filters import currency as oscar_currency

register = template.Library()


@lru_cache(maxsize=4096)
def _formatted(amount: str, currency: str, language: str | None) -> str:
    return oscar_currency(Decimal(amount), currency)


@register.filter
def money(amount, currency: str) -> str:
    """Oscar's ``currency`` filter, remembered per amount, currency and language (a page repeats prices)."""
    try:
        normalised = str(Decimal(amount))
    except (TypeError, InvalidOperation):
        return ""
    return _formatted(normalised, currency, get_language())
