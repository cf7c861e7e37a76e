"""Re-pricing a basket when the buyer switches currency (a basket has one currency)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RepriceResult:
    repriced: int
    removed: list[str]


def reprice_basket(basket, strategy) -> RepriceResult:
    """Put every line of ``basket`` into ``strategy.currency``.

    Lines whose product has no price in the new currency are removed (and
    named in the result), so the basket never mixes currencies.
    """
    repriced, removed = 0, []
    if basket is None or not basket.id:
        return RepriceResult(0, [])
    basket.strategy = strategy
    for line in basket.all_lines():
        info = strategy.fetch_for_line(line)
        if not info.price.exists:
            removed.append(line.product.get_title())
            line.delete()
            continue
        line.price_currency = info.price.currency
        line.price_excl_tax = info.price.excl_tax
        line.price_incl_tax = info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax
        line.save(update_fields=["price_currency", "price_excl_tax", "price_incl_tax"])
        repriced += 1
    basket.reset_offer_applications()
    if hasattr(basket, "_lines"):
        basket._lines = None
    return RepriceResult(repriced, removed)
