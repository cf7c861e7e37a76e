"""Template tags a theme includes on product pages and product cards: ``{% load b2b_pricing %}``.

* ``{% b2b_tier_table product %}`` — the buyer's quantity breaks, the next saving
  ("add 2 more for ¥0.30 less each") and the order rule; renders nothing without tiers or rules.
* ``{% b2b_prices_hidden as hidden %}`` — True when prices must not be shown to this visitor.
* ``{% b2b_sign_in_for_prices %}`` — a "sign in for prices" link, only when prices are hidden.

Everything renders nothing while the plugin is switched off.
"""

from __future__ import annotations

from typing import Any

from django import template

from shop.plugins import state

from ..apps import B2BPricingConfig
from ..services import order_rules, pricing
from ..services.buyers import book_for

register = template.Library()


def _enabled() -> bool:
    return state.is_enabled(B2BPricingConfig.label)


@register.inclusion_tag("b2b_pricing/partials/tier_table.html", takes_context=True)
def b2b_tier_table(context: template.Context, product: Any) -> dict[str, Any]:
    request = context.get("request")
    if request is None or product is None or not _enabled() or not hasattr(request, "strategy"):
        return {"table": None, "rule": ""}
    if pricing.prices_hidden_for(getattr(request, "user", None)):
        return {"table": None, "rule": ""}
    book = book_for(request.user, request, request.strategy.currency)
    rule = order_rules.rules_for(book, [product])[product.pk] if not product.is_parent else order_rules.FREE
    table = pricing.tier_table(request, product) if not product.is_parent else None
    return {"table": table, "rule": order_rules.describe(rule), "product": product}


@register.simple_tag(takes_context=True)
def b2b_prices_hidden(context: template.Context) -> bool:
    request = context.get("request")
    return _enabled() and pricing.prices_hidden_for(getattr(request, "user", None))


@register.inclusion_tag("b2b_pricing/partials/sign_in_for_prices.html", takes_context=True)
def b2b_sign_in_for_prices(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    hidden = _enabled() and pricing.prices_hidden_for(getattr(request, "user", None))
    return {"hidden": hidden, "next": request.get_full_path() if request is not None else ""}
