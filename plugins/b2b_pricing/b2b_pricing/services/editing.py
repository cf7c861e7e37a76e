"""Changing price lists, entries and quantity breaks: validated, atomic, audited, and the list re-versioned."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from shop.core import audit
from shop.currency.money import minor_units

from . import revisions

if TYPE_CHECKING:
    from ..models import PriceList, PriceListEntry, ProductOrderRule, TierTable


@dataclass(frozen=True)
class BreakInput:
    min_quantity: int
    max_quantity: int | None
    price: Decimal


def price_problem(value: Decimal, currency: str) -> str | None:
    """Why ``value`` cannot be a unit price in ``currency``; None when it can."""
    if not value.is_finite() or value <= 0:
        return _("A price must be greater than zero.")
    if -value.as_tuple().exponent > minor_units(currency):
        return _("%(currency)s prices have at most %(places)d decimals.") % {
            "currency": currency, "places": minor_units(currency)
        }
    if value >= Decimal("1e10"):
        return _("The price is too large.")
    return None


def break_problems(breaks: Sequence[BreakInput], currency: str) -> list[str]:
    """Every reason the breaks cannot be saved: bad ranges, bad prices, overlaps."""
    problems = []
    for item in breaks:
        if item.min_quantity < 1:
            problems.append(_("A break starts at quantity 1 or more."))
        if item.max_quantity is not None and item.max_quantity < item.min_quantity:
            problems.append(
                _("The break %(low)d–%(high)d ends before it starts.") % {"low": item.min_quantity,
                                                                          "high": item.max_quantity}
            )
        message = price_problem(item.price, currency)
        if message:
            problems.append(_("Break from %(low)d: %(message)s") % {"low": item.min_quantity, "message": message})
    ordered = sorted(breaks, key=lambda b: b.min_quantity)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.max_quantity is None or first.max_quantity >= second.min_quantity:
            problems.append(
                _("The break from %(second)d overlaps the break %(range)s.")
                % {"second": second.min_quantity, "range": break_label(first)}
            )
    return problems


def break_label(item: BreakInput) -> str:
    if item.max_quantity is None:
        return f"{item.min_quantity}+"
    return f"{item.min_quantity}–{item.max_quantity}"


def save_price_list(price_list: PriceList, user: Any) -> None:
    created = price_list.pk is None
    price_list.save()
    audit.record(user, "b2b_pricing.list.created" if created else "b2b_pricing.list.changed", price_list,
                 {"currency": price_list.currency, "priority": price_list.priority})


def delete_price_list(price_list: PriceList, user: Any) -> None:
    audit.record(user, "b2b_pricing.list.deleted", price_list, {"entries": price_list.entries.count()})
    price_list.delete()


def save_entry(entry: PriceListEntry, user: Any) -> None:
    created = entry.pk is None
    with transaction.atomic():
        entry.save()
        revisions.touch(entry.price_list_id)
    audit.record(user, "b2b_pricing.entry.created" if created else "b2b_pricing.entry.changed", entry.price_list,
                 {"product": entry.product_id, "price": str(entry.price)})


def delete_entry(entry: PriceListEntry, user: Any) -> None:
    with transaction.atomic():
        entry.delete()
        revisions.touch(entry.price_list_id)
    audit.record(user, "b2b_pricing.entry.deleted", entry.price_list, {"product": entry.product_id})


def save_tier_table(table: TierTable, breaks: Sequence[BreakInput], user: Any) -> None:
    """Save the table and replace its breaks with ``breaks`` (validated by the caller), all or nothing."""
    from ..models import QuantityBreak

    created = table.pk is None
    with transaction.atomic():
        table.save()
        table.breaks.all().delete()
        QuantityBreak.objects.bulk_create(
            QuantityBreak(table=table, min_quantity=b.min_quantity, max_quantity=b.max_quantity, price=b.price)
            for b in sorted(breaks, key=lambda b: b.min_quantity)
        )
        revisions.touch(table.price_list_id)
    audit.record(user, "b2b_pricing.tiers.created" if created else "b2b_pricing.tiers.changed", table.price_list,
                 {"product": table.product_id, "breaks": [break_label(b) for b in breaks]})


def delete_tier_table(table: TierTable, user: Any) -> None:
    with transaction.atomic():
        table.delete()
        revisions.touch(table.price_list_id)
    audit.record(user, "b2b_pricing.tiers.deleted", table.price_list, {"product": table.product_id})


def save_order_rule(rule: ProductOrderRule, user: Any) -> None:
    created = rule.pk is None
    rule.save()
    audit.record(user, "b2b_pricing.rule.created" if created else "b2b_pricing.rule.changed", rule.product,
                 {"min": rule.min_quantity, "pack": rule.pack_size})


def delete_order_rule(rule: ProductOrderRule, user: Any) -> None:
    audit.record(user, "b2b_pricing.rule.deleted", rule.product, {})
    rule.delete()
