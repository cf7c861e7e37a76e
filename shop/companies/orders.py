"""A company's orders: the list every member sees, its CSV export, and ordering the same again."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from .models import Company

Order = get_model("order", "Order")
Line = get_model("order", "Line")

#: How many orders the company landing page offers to order again.
RECENT_ORDERS = 5


def company_orders(company: Company | None) -> QuerySet:
    """The orders placed for ``company`` (none without a company), newest first, with their item counts."""
    if company is None:
        return Order.objects.none()
    return (
        Order.objects.filter(company_link__company=company)
        .select_related("user")
        .annotate(item_count=Sum("lines__quantity"))
        .order_by("-date_placed", "-pk")
    )


def customer_orders(distributor: Company | None) -> QuerySet:
    """Orders of the companies that name ``distributor`` as theirs, newest first."""
    if distributor is None or distributor.kind != Company.Kind.DISTRIBUTOR:
        return Order.objects.none()
    return (
        Order.objects.filter(company_link__company__distributor=distributor)
        .select_related("company_link__company")
        .order_by("-date_placed", "-pk")
    )


def statuses_of(company: Company | None) -> list[str]:
    """The statuses the company's orders are in, for the status filter."""
    if company is None:
        return []
    statuses = Order.objects.filter(company_link__company=company).order_by().values_list("status", flat=True)
    return sorted(set(statuses.distinct()) - {""})


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filter_orders(
    orders: QuerySet,
    *,
    status: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    number: str = "",
) -> QuerySet:
    """Narrow an order list by status, placement date (inclusive, in the shop's time zone) and number or SKU."""
    if status:
        orders = orders.filter(status=status)
    if date_from:
        orders = orders.filter(date_placed__gte=_day_start(date_from))
    if date_to:
        orders = orders.filter(date_placed__lt=_day_start(date_to) + timedelta(days=1))
    number = number.strip()
    if number:
        orders = orders.filter(number_or_sku(number))
    return orders


def number_or_sku(query: str, path: str = "") -> Q:
    """Orders (reached through ``path``, e.g. ``"order__"``) whose number contains ``query``, or with a
    line of exactly that SKU or UPC."""
    with_sku = Line.objects.filter(Q(partner_sku__iexact=query) | Q(upc__iexact=query)).values("order_id")
    return Q(**{f"{path}number__icontains": query}) | Q(**{f"{path}pk__in": with_sku})


# --- CSV export ------------------------------------------------------------------------------

CSV_HEADER = ("number", "date_placed", "status", "placed_by", "currency", "items", "total_excl_tax", "total_incl_tax")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A CSV cell that spreadsheet programs will not run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rows(orders: QuerySet, chunk_size: int = 500) -> Iterator[str]:
    """The orders as CSV lines (header first), streamed in chunks; amounts as exact decimals."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    for order in orders.iterator(chunk_size=chunk_size):
        placed_by = order.user.email if order.user_id else order.guest_email
        yield writer.writerow(
            [
                _cell(order.number),
                timezone.localtime(order.date_placed).strftime("%Y-%m-%d %H:%M"),
                _cell(order.status),
                _cell(placed_by),
                order.currency,
                order.item_count or 0,
                f"{order.total_excl_tax:.2f}",
                f"{order.total_incl_tax:.2f}",
            ]
        )


# --- Ordering the same again -----------------------------------------------------------------


@dataclass
class ReorderResult:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # reasons, one per line not added


def reorder(order: Any, basket: Any, strategy: Any) -> ReorderResult:
    """Put the lines of ``order`` into ``basket`` again, as far as they can still be bought.

    Each line is checked with the buyer's strategy (product still sold, stock,
    purchase rules); lines that cannot be bought are reported, the rest added.
    Nothing is added when the basket would exceed its quantity limit.
    """
    result = ReorderResult()
    addable = []
    for line in order.lines.select_related("product", "stockrecord").prefetch_related("attributes__option"):
        ok, reason = line.is_available_to_reorder(basket, strategy)
        if ok:
            addable.append(line)
        else:
            result.skipped.append(str(reason))
    allowed, reason = basket.is_quantity_allowed(sum(line.quantity for line in addable))
    if not allowed:
        result.skipped = [str(reason)]
        return result
    for line in addable:
        options = [{"option": a.option, "value": a.value} for a in line.attributes.all() if a.option]
        basket.add_product(line.product, line.quantity, options)
        result.added.append(line.title)
    return result


def reorder_message(result: ReorderResult) -> str:
    count = len(result.added)
    if not count:
        return _("Nothing was added to your basket.")
    return ngettext(
        "%(count)d line from the order was added to your basket.",
        "%(count)d lines from the order were added to your basket.",
        count,
    ) % {"count": count}
