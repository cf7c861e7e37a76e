"""A stock record's price in a given currency: explicit price, or the base price converted."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from .money import pretty_round
from .rates import MissingRate, Rate, RateTable


@dataclass(frozen=True)
class CurrencyPrice:
    amount: Decimal
    currency: str
    method: str  # "base", "explicit" or "converted" — shown to staff
    rate: Decimal | None = None
    rates: tuple[Rate, ...] = ()


def price_in(stockrecord, currency: str, table: RateTable) -> CurrencyPrice | None:
    """The stock record's list price in ``currency``; None when no rate connects them."""
    base_currency = stockrecord.price_currency
    if currency == base_currency:
        return CurrencyPrice(Decimal(stockrecord.price), currency, "base")
    explicit = stockrecord.explicit_price(currency) if hasattr(stockrecord, "explicit_price") else None
    if explicit is not None:
        return CurrencyPrice(explicit, currency, "explicit")
    try:
        rate, used = table.rate(base_currency, currency)
    except MissingRate:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        raw = Decimal(stockrecord.price) * rate
    return CurrencyPrice(pretty_round(raw, currency), currency, "converted", rate, used)
