"""Rendered page bodies, cached per page version, language, currency, price audience and enabled plugins.

What a product block shows depends on who looks: the language, the currency
the buyer pays in and the company whose prices apply (price lists and contract
prices are per company, customer groups are groups of companies). The cache key
holds all of them, plus two version counters:

* the page's own, bumped when the page is published, unpublished, moved or deleted;
* the catalogue's, bumped whenever a product, stock record, category, price or
  exchange rate changes — a search-fed block may show any product, so any such
  change invalidates every cached body.

Only the body is cached: the header (basket, account) is rendered per request,
and CSRF tokens are put back into the cached HTML per request.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from shop.plugins import state

CSRF_PLACEHOLDER = "cms-csrf-placeholder-7f3a"
PAGE_VERSION_KEY = "cms:page-version:{}"
CATALOGUE_VERSION_KEY = "cms:catalogue-version"
#: Apps whose rows decide what a product block shows or what it costs.
CATALOGUE_APPS = frozenset({"catalogue", "partner", "currency", "b2b_pricing", "promotions", "inventory"})


def body_ttl() -> int:
    return int(getattr(settings, "CMS_BODY_CACHE_SECONDS", 300))


def _version(key: str) -> int:
    value = cache.get(key)
    if value is None:
        value = 1
        cache.add(key, value, None)
    return value


def bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


def page_changed(page_id: int) -> None:
    bump(PAGE_VERSION_KEY.format(page_id))


def catalogue_changed() -> None:
    bump(CATALOGUE_VERSION_KEY)


def price_audience(request) -> str:
    """Who the prices are for: visitors, signed-in buyers without a company, or one company's buyers."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "public"
    company = getattr(request, "company", None)
    company_id = getattr(company, "pk", None)
    return f"company-{company_id}" if company_id else "signed-in"


def body_cache_key(page, request) -> str:
    from shop.currency.selection import currency_for_request

    parts = [
        str(page.pk),
        str(page.live_revision_id),
        page.last_published_at.isoformat() if page.last_published_at else "",
        str(_version(PAGE_VERSION_KEY.format(page.pk))),
        str(_version(CATALOGUE_VERSION_KEY)),
        get_language() or settings.LANGUAGE_CODE,
        currency_for_request(request),
        price_audience(request),
        ",".join(sorted(state.enabled_labels())),
    ]
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()
    return f"cms:body:{page.pk}:{digest}"


def cached_body(page, request, render) -> SafeString:
    """The page body's HTML from the cache, or from ``render(csrf_token)`` (then cached)."""
    if getattr(request, "is_preview", False) or request.method != "GET":
        return mark_safe(render(get_token(request)))
    key = body_cache_key(page, request)
    html = cache.get(key)
    if html is None:
        html = render(CSRF_PLACEHOLDER)
        cache.set(key, html, body_ttl())
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # rendered from our templates, block values escaped there
