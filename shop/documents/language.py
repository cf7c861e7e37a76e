"""Which language an order's documents are written in."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from .models import OrderDocuments


def supported_language(code: str | None) -> str:
    """The project language for ``code`` (``zh-Hans`` → ``zh-hans``); the default language otherwise."""
    if code:
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


def remember_order_language(order, language: str | None) -> OrderDocuments:
    """Store the buyer's language on ``order`` once; later calls keep the first answer."""
    record, _ = OrderDocuments.objects.get_or_create(order=order, defaults={"language": supported_language(language)})
    return record


def order_language(order) -> str:
    """The language the buyer ordered in (the default language for orders from before it was recorded)."""
    code = OrderDocuments.objects.filter(order=order).values_list("language", flat=True).first()
    return supported_language(code)
