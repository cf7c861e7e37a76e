"""The plugin's operator settings: a Django setting wins, else the environment variable of the same name.

Read when used, never at import time, so tests and deployments can change them.
"""

from __future__ import annotations

import os

from django.conf import settings

_TRUE = {"1", "true", "yes", "on"}


def _raw(name: str) -> object | None:
    if hasattr(settings, name):
        return getattr(settings, name)
    return os.environ.get(name)


def _flag(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in _TRUE


def _int(name: str, default: int) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    return int(str(value))


def hide_prices_from_anonymous() -> bool:
    """``B2B_PRICING_HIDE_ANONYMOUS``: visitors who are not signed in see "sign in for prices" (default off)."""
    return _flag("B2B_PRICING_HIDE_ANONYMOUS", False)


def contract_alert_recipients() -> list[str]:
    """``B2B_PRICING_ALERT_EMAILS``: who is emailed about ending contracts (default: the MANAGERS setting)."""
    value = _raw("B2B_PRICING_ALERT_EMAILS")
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v]
    if value:
        return [part.strip() for part in str(value).split(",") if part.strip()]
    return [email for _name, email in getattr(settings, "MANAGERS", [])]


def quick_order_max_lines() -> int:
    """``B2B_PRICING_QUICK_ORDER_MAX_LINES``: lines one quick order may hold (default 1000)."""
    return _int("B2B_PRICING_QUICK_ORDER_MAX_LINES", 1000)


def contents_cache_size() -> int:
    """``B2B_PRICING_CACHED_LISTS``: price lists each process keeps in memory (default 256)."""
    return _int("B2B_PRICING_CACHED_LISTS", 256)
