"""Loading and overriding exchange rates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from shop.core.audit import record as audit

from .models import ExchangeRate
from .money import UnknownCurrency, check_code
from .providers import RateBatch


@dataclass
class LoadResult:
    created: int
    unchanged: int
    ignored: list[str]
    newest: date | None


def store_batch(batch: RateBatch) -> LoadResult:
    """Store a provider's rates for the currencies this shop trades in; all or nothing."""
    traded = set(settings.SHOP_CURRENCIES)
    wanted = [r for r in batch.rates if r.quote in traded and r.base in traded | {"EUR"}]
    ignored = sorted({r.quote for r in batch.rates if r.quote not in traded})
    created = unchanged = 0
    with transaction.atomic():
        for r in wanted:
            _, was_created = ExchangeRate.objects.get_or_create(
                base=r.base, quote=r.quote, valid_on=r.valid_on, source=batch.source, defaults={"rate": r.rate}
            )
            created += was_created
            unchanged += not was_created
    newest = max((r.valid_on for r in wanted), default=None)
    return LoadResult(created, unchanged, ignored, newest)


def override_rate(
    base: str, quote: str, rate: Decimal, *, user, note: str, valid_on: date | None = None
) -> ExchangeRate:
    """Set a rate by hand (a new row; the audit log records who, when and why)."""
    base, quote = check_code(base), check_code(quote)
    if base == quote:
        raise UnknownCurrency("base and quote currency must differ")
    if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0:
        raise ValueError("a rate must be a number greater than zero")
    if not note.strip():
        raise ValueError("say why the rate is overridden")
    with transaction.atomic():
        row = ExchangeRate.objects.create(
            base=base,
            quote=quote,
            rate=rate,
            valid_on=valid_on or date.today(),
            source=ExchangeRate.Source.MANUAL,
            note=note.strip()[:255],
            created_by=user,
        )
        audit(user, "currency.rate_override", row, {"base": base, "quote": quote, "rate": str(rate), "note": note})
    return row
