"""The current exchange rates, and conversion between any two traded currencies.

Rates are stored as the provider gives them (the ECB quotes everything against
EUR). :class:`RateTable` holds the latest rate per pair and converts through a
common base when no direct rate exists. Each process keeps the table for
``SHOP_RATES_TTL`` seconds (default 60); saving a rate clears it at once here.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from django.conf import settings

from .money import quantize


class MissingRate(LookupError):
    """No stored rate connects two currencies."""


@dataclass(frozen=True)
class Rate:
    id: int
    base: str
    quote: str
    rate: Decimal
    valid_on: date
    source: str


@dataclass(frozen=True)
class Conversion:
    """An amount converted, with the effective rate and the stored rates behind it."""

    amount: Decimal
    rate: Decimal
    rates: tuple[Rate, ...]


class RateTable:
    def __init__(self, rates: list[Rate]):
        # latest per (base, quote); at the same date a manual override beats the provider
        latest: dict[tuple[str, str], Rate] = {}
        for r in sorted(rates, key=lambda r: (r.valid_on, r.source == "manual", r.id)):
            latest[(r.base, r.quote)] = r
        self.latest = latest

    @classmethod
    def from_database(cls) -> RateTable:
        from .models import ExchangeRate

        rows = ExchangeRate.objects.order_by().values_list("id", "base", "quote", "rate", "valid_on", "source")
        # Only the newest few days matter; the table stays small however long the history grows.
        newest = ExchangeRate.objects.order_by("-valid_on").values_list("valid_on", flat=True).first()
        if newest is not None:
            rows = rows.filter(valid_on__gte=newest.fromordinal(newest.toordinal() - 14))
        return cls([Rate(*row) for row in rows])

    def oldest_used(self) -> date | None:
        return min((r.valid_on for r in self.latest.values()), default=None)

    def _direct(self, base: str, quote: str) -> tuple[Decimal, tuple[Rate, ...]] | None:
        if (base, quote) in self.latest:
            r = self.latest[(base, quote)]
            return r.rate, (r,)
        if (quote, base) in self.latest:
            r = self.latest[(quote, base)]
            with localcontext() as ctx:
                ctx.prec = 28
                return Decimal(1) / r.rate, (r,)
        return None

    def rate(self, source: str, target: str) -> tuple[Decimal, tuple[Rate, ...]]:
        """How many ``target`` one ``source`` buys, and the stored rates used."""
        if source == target:
            return Decimal(1), ()
        direct = self._direct(source, target)
        if direct:
            return direct
        hubs = {b for b, _ in self.latest} | {q for _, q in self.latest}
        for hub in sorted(hubs):
            first, second = self._direct(source, hub), self._direct(hub, target)
            if first and second:
                with localcontext() as ctx:
                    ctx.prec = 28
                    return first[0] * second[0], first[1] + second[1]
        raise MissingRate(f"no exchange rate from {source} to {target}")

    def convert(self, amount: Decimal, source: str, target: str) -> Conversion:
        """Convert and round to the target's minor units (ROUND_HALF_UP)."""
        rate, used = self.rate(source, target)
        with localcontext() as ctx:
            ctx.prec = 28
            raw = amount * rate
        return Conversion(quantize(raw, target), rate, used)


_lock = threading.Lock()
_table: RateTable | None = None
_loaded_at = 0.0


def current_table() -> RateTable:
    global _table, _loaded_at
    ttl = float(getattr(settings, "SHOP_RATES_TTL", 60))
    now = time.monotonic()
    if _table is None or now - _loaded_at > ttl:
        fresh = RateTable.from_database()
        with _lock:
            _table, _loaded_at = fresh, now
    return _table


def invalidate() -> None:
    global _table
    with _lock:
        _table = None


def rates_age_days(today: date | None = None) -> int | None:
    """Age in days of the oldest rate currently in use (None when there are no rates)."""
    oldest = current_table().oldest_used()
    if oldest is None:
        return None
    return ((today or date.today()) - oldest).days
