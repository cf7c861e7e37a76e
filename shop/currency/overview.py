"""What staff see of the exchange rates: the rate in use for each traded currency, and its age."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from django.conf import settings

from .rates import MissingRate, Rate, RateTable

DISPLAY_PLACES = Decimal("0.000001")


def plain(value: Decimal) -> str:
    """A rate for people: no trailing zeros, never exponent notation (100, not 1E+2)."""
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class PairRate:
    """1 ``base`` = ``rate`` ``quote``, from the stored rates in ``used`` (one, or two through a hub)."""

    base: str
    quote: str
    rate: Decimal | None
    inverse: Decimal | None
    used: tuple[Rate, ...]
    valid_on: date | None
    age_days: int | None
    stale: bool

    @property
    def rate_display(self) -> str:
        return plain(self.rate) if self.rate is not None else ""

    @property
    def inverse_display(self) -> str:
        return plain(self.inverse) if self.inverse is not None else ""

    @property
    def sources(self) -> list[tuple[Rate, str]]:
        """Each stored rate used, with its source's name for people."""
        from .models import ExchangeRate

        labels = dict(ExchangeRate.Source.choices)
        return [(r, labels.get(r.source, r.source)) for r in self.used]

    @property
    def is_manual(self) -> bool:
        return any(r.source == "manual" for r in self.used)


def traded_pairs(table: RateTable | None = None, today: date | None = None) -> list[PairRate]:
    """The base currency against every other traded currency, with the rates the shop prices with."""
    table = table or RateTable.from_database()
    today = today or date.today()
    base = settings.SHOP_BASE_CURRENCY
    limit = settings.SHOP_RATES_MAX_AGE_DAYS
    pairs = []
    for quote in settings.SHOP_CURRENCIES:
        if quote == base:
            continue
        try:
            rate, used = table.rate(base, quote)
        except MissingRate:
            pairs.append(PairRate(base, quote, None, None, (), None, None, True))
            continue
        valid_on = min(r.valid_on for r in used)
        age = (today - valid_on).days
        with localcontext() as ctx:
            ctx.prec = 28
            inverse = (Decimal(1) / rate).quantize(DISPLAY_PLACES)
        pairs.append(PairRate(base, quote, rate.quantize(DISPLAY_PLACES), inverse, used, valid_on, age, age > limit))
    return pairs
