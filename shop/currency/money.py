"""Money arithmetic: Decimal only, each currency's minor units from babel, ROUND_HALF_UP.

Nothing here accepts a float: a float amount is a bug upstream, so it is refused.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.numbers import get_currency_precision, is_currency
from django.conf import settings


class UnknownCurrency(ValueError):
    """A currency code this deployment does not trade in."""


def check_code(code: str) -> str:
    """Return the upper-case code if this deployment trades in it, else raise UnknownCurrency."""
    normalised = (code or "").strip().upper()
    if normalised not in settings.SHOP_CURRENCIES:
        raise UnknownCurrency(f"unknown currency {code!r}; this shop trades in {', '.join(settings.SHOP_CURRENCIES)}")
    return normalised


@lru_cache(maxsize=64)
def minor_units(code: str) -> int:
    """Digits after the decimal point (JPY 0, CNY/USD/EUR 2), from babel's CLDR data."""
    if not is_currency(code):
        raise UnknownCurrency(f"{code!r} is not an ISO 4217 currency code")
    return get_currency_precision(code)


@lru_cache(maxsize=64)
def _exponent(code: str) -> Decimal:
    return Decimal(1).scaleb(-minor_units(code))


def to_decimal(value) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a Decimal, int or str")
    return value if isinstance(value, Decimal) else Decimal(str(value))


def quantize(amount, code: str) -> Decimal:
    """Round to the currency's minor units, half up (2.345 CNY → 2.35, 1234.5 JPY → 1235)."""
    return to_decimal(amount).quantize(_exponent(code), rounding=ROUND_HALF_UP)


def pretty_round(amount: Decimal, code: str) -> Decimal:
    """The optional per-currency 'pretty' step (e.g. 0.10 for USD), then minor units."""
    step = settings.SHOP_CURRENCY_PRETTY_STEPS.get(code)
    amount = to_decimal(amount)
    if step:
        step = Decimal(step)
        amount = (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return quantize(amount, code)
