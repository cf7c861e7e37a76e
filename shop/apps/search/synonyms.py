"""The operators' synonym sets for the search engine's query builder, cached and invalidated on change."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

CACHE_KEY = "search:synonym-sets:v1"
CACHE_SECONDS = 24 * 3600


def active_sets() -> tuple[tuple[str, ...], ...]:
    """The terms of every active set (one cache read; the database only after a change or expiry)."""
    sets = cache.get(CACHE_KEY)
    if sets is None:
        from shop.apps.search.models import SynonymSet

        sets = tuple(tuple(s.term_list()) for s in SynonymSet.objects.filter(is_active=True).order_by("pk"))
        cache.set(CACHE_KEY, sets, CACHE_SECONDS)
    return sets


def invalidate(**_kwargs) -> None:
    """Forget the cached sets now and again after the commit (a reader in between may have cached old ones)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
