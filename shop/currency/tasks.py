"""Daily exchange-rate refresh and the stale-rates alert (Celery beat)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import mail_admins

from . import rates
from .providers import ECBProvider
from .services import store_batch

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OSError,), retry_backoff=300, retry_kwargs={"max_retries": 6})
def refresh_rates() -> dict:
    """Load today's rates from ``RATES_URL`` (no-op when it is not configured)."""
    if not settings.SHOP_RATES_URL:
        return {"skipped": "RATES_URL is not set"}
    result = store_batch(ECBProvider(settings.SHOP_RATES_URL).fetch())
    logger.info("exchange rates refreshed", extra={"created": result.created, "newest": str(result.newest)})
    return {"created": result.created, "newest": str(result.newest)}


@shared_task
def check_rates_age() -> dict:
    """Warn operators when the rates in use are older than ``RATES_MAX_AGE_DAYS``."""
    rates.invalidate()
    age = rates.rates_age_days()
    limit = settings.SHOP_RATES_MAX_AGE_DAYS
    stale = age is None or age > limit
    if stale:
        what = "no exchange rates are stored" if age is None else f"exchange rates are {age} days old"
        logger.warning("stale exchange rates: %s (limit %s days)", what, limit)
        mail_admins(
            "Exchange rates are stale",
            f"{what.capitalize()}; the limit is {limit} days. Run `manage.py load_rates` or set RATES_URL.",
        )
    return {"age_days": age, "stale": stale}
