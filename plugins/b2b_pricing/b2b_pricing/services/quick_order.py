"""Quick order and reorder: lines of SKU and quantity, each checked, the good ones added to the basket at once.

A line is refused with a message when its SKU is unknown (or names several
products, or a product with variants), its quantity is not a whole number
above zero, the quantity the basket would then hold is below the minimum or
not a pack multiple, or there is not enough stock. Lines naming the same
product are checked on their sum. Checking costs a fixed number of queries
whatever the number of lines; adding uses Oscar's basket API line by line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from shop.catalogimport.readers import ImportFileError, read_table
from shop.currency.money import quantize

from .. import conf
from . import order_rules, pricing
from .baskets import bulk_adding, counts_of, refresh_stored_prices, request_basket
from .buyers import book_for
from .catalog import products_by_sku, sku_of

SKU_HEADERS = {"sku", "code", "item", "product", "货号", "商品编码", "编码", "型号"}
QUANTITY_HEADERS = {"quantity", "qty", "amount", "count", "数量", "订购数量"}


class QuickOrderError(ValueError):
    """The input as a whole cannot be read; the message says why."""


@dataclass
class OrderLine:
    number: int
    sku: str
    quantity_text: str
    quantity: int = 0
    product: Any = None
    error: str = ""
    unit_price: Decimal | None = None
    currency: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and self.product is not None

    @property
    def line_total(self) -> Decimal | None:
        if self.unit_price is None:
            return None
        return quantize(self.unit_price * self.quantity, self.currency)

    @property
    def title(self) -> str:
        return self.product.get_title() if self.product is not None else self.sku


# --- reading input ---------------------------------------------------------------------------


def _is_quantity(text: str) -> bool:
    return bool(re.fullmatch(r"\s*\d+\s*", text or ""))


def lines_from_rows(rows: list[tuple[int, list[str]]], headers: list[str] | None = None) -> list[OrderLine]:
    sku_at, quantity_at = 0, 1
    if headers:
        folded = [h.strip().lower() for h in headers]
        sku_at = next((i for i, h in enumerate(folded) if h in SKU_HEADERS), 0)
        quantity_at = next((i for i, h in enumerate(folded) if h in QUANTITY_HEADERS), 1 if sku_at == 0 else 0)
    lines = []
    for number, cells in rows:
        if len(cells) == 1 and len(cells[0].split()) == 2:  # "GP-05 12" pasted with a space
            cells = cells[0].split()
        sku = cells[sku_at].strip() if sku_at < len(cells) else ""
        quantity = cells[quantity_at].strip() if quantity_at < len(cells) else ""
        if sku or quantity:
            lines.append(OrderLine(number, sku, quantity))
    return lines


def lines_from_file(data: bytes) -> list[OrderLine]:
    """Lines of a CSV/XLSX file or pasted text: SKU and quantity, with or without a header row."""
    try:
        table = read_table(data)
    except ImportFileError as exc:
        raise QuickOrderError(str(exc)) from None
    rows = list(table.rows)
    headers = table.headers
    first = headers[1] if len(headers) > 1 else (headers[0].split()[-1] if headers and headers[0].split() else "")
    if _is_quantity(first):  # no header row: the first row is an order line too
        rows.insert(0, (1, headers))
        headers = None
    if len(rows) > conf.quick_order_max_lines():
        raise QuickOrderError(
            _("The list has %(count)d lines; at most %(max)d can be ordered at once.")
            % {"count": len(rows), "max": conf.quick_order_max_lines()}
        )
    return lines_from_rows(rows, headers)


def lines_from_text(text: str) -> list[OrderLine]:
    if not text.strip():
        return []
    return lines_from_file(text.strip().encode("utf-8"))


def lines_from_pad(skus: list[str], quantities: list[str]) -> list[OrderLine]:
    rows = [(i + 1, [sku, quantity]) for i, (sku, quantity) in enumerate(zip(skus, quantities, strict=False))]
    return lines_from_rows(rows)


# --- checking ---------------------------------------------------------------------------------


def _quantities(lines: list[OrderLine]) -> None:
    for line in lines:
        if not line.sku:
            line.error = _("Enter a SKU.")
        elif not _is_quantity(line.quantity_text) or int(line.quantity_text) < 1:
            line.error = _("%(value)r is not a quantity; enter a whole number of 1 or more.") % {
                "value": line.quantity_text}
        else:
            line.quantity = int(line.quantity_text)


def _products(lines: list[OrderLine], product_of: dict[int, Any] | None) -> None:
    if product_of is not None:
        for line in lines:
            if not line.error:
                line.product = product_of.get(line.number)
                if line.product is None:
                    line.error = _("%(sku)s is no longer sold.") % {"sku": line.sku}
        return
    lookup = products_by_sku(line.sku for line in lines if not line.error)
    for line in lines:
        if line.error:
            continue
        if line.sku in lookup.ambiguous:
            line.error = _("%(sku)s names several products; enter the product's UPC instead.") % {"sku": line.sku}
        elif line.sku not in lookup.found:
            line.error = _("No product has the SKU %(sku)s.") % {"sku": line.sku}
        else:
            line.product = lookup.found[line.sku]


def check_lines(request: Any, lines: list[OrderLine], product_of: dict[int, Any] | None = None) -> list[OrderLine]:
    """Fill in product, unit price and error of every line (``product_of``: row number → product, for reorder)."""
    _quantities(lines)
    _products(lines, product_of)
    strategy = request.strategy
    basket = request_basket(request)
    in_basket = counts_of(basket)
    book = book_for(request.user, request, strategy.currency)
    candidates = [line for line in lines if not line.error]
    for line in candidates:
        product = line.product
        if not product.is_public:
            line.error = _("No product has the SKU %(sku)s.") % {"sku": line.sku}
        elif product.is_parent:
            line.error = _("%(sku)s comes in several variants; enter the SKU of the one you want.") % {"sku": line.sku}
    candidates = [line for line in candidates if not line.error]
    totals: dict[int, int] = defaultdict(int)
    families: dict[int, int] = defaultdict(int)
    for line in candidates:
        totals[line.product.pk] += line.quantity
        if line.product.parent_id:
            families[line.product.parent_id] += line.quantity
    # kept on the request, where the core's purchase check (shop_purchase_permitted) finds them too
    rules = order_rules.rules_kept_on(request, book, [line.product for line in candidates])
    for line in candidates:
        product = line.product
        total = totals[product.pk] + in_basket.of_product(product.pk)
        family = families.get(product.parent_id, 0) + in_basket.of_family(product.parent_id)
        info = strategy.fetch_for_product(product)
        if not info.price.exists:
            line.error = _("%(product)s cannot be bought in %(currency)s.") % {
                "product": product.get_title(), "currency": strategy.currency}
            continue
        message = order_rules.problem(rules[product.pk], total, product.get_title())
        if message:
            line.error = message
            continue
        allowed, reason = info.availability.is_purchase_permitted(total)  # stock, and other plugins' rules
        if not allowed:
            line.error = _("%(product)s: %(reason)s.") % {"product": product.get_title(), "reason": reason}
            continue
        quoted = pricing.quote(request, product, total, max(family, total))
        line.unit_price = quoted.amount if quoted is not None else info.price.excl_tax
        line.currency = strategy.currency
    return lines


# --- adding -----------------------------------------------------------------------------------


@dataclass
class AddResult:
    added: list[OrderLine]
    refused: list[OrderLine]
    problem: str = ""


def add_to_basket(request: Any, lines: list[OrderLine]) -> AddResult:
    """Add every checked, good line to the request's basket in one transaction; report the rest."""
    good = [line for line in lines if line.ok]
    refused = [line for line in lines if not line.ok]
    if not good:
        return AddResult([], refused)
    basket = request_basket(request)
    allowed, reason = basket.is_quantity_allowed(sum(line.quantity for line in good))
    if not allowed:
        return AddResult([], lines, str(reason))
    touched = set()
    with transaction.atomic(), bulk_adding(request):
        for line in good:
            basket.add_product(line.product, line.quantity)
            touched.add(line.product.pk)
            if line.product.parent_id:
                touched.add(line.product.parent_id)
    refresh_stored_prices(basket, touched)
    return AddResult(good, refused)


def suggestions(request: Any, term: str, limit: int = 10) -> list[dict]:
    """Autocomplete for the pad: SKU, title, this buyer's unit price and order rule (their company only)."""
    from .catalog import search_products

    products = search_products(term, limit)
    strategy = request.strategy
    book = book_for(request.user, request, strategy.currency)
    rules = order_rules.rules_for(book, products)
    found = []
    for product in products:
        info = strategy.fetch_for_product(product)
        rule = rules[product.pk]
        found.append({
            "sku": sku_of(product),
            "title": product.get_title(),
            "price": str(info.price.excl_tax) if info.price.exists else None,
            "currency": strategy.currency if info.price.exists else None,
            "min_quantity": rule.smallest,
            "pack_size": rule.pack_size,
            "rule": order_rules.describe(rule),
            "available": bool(info.availability.is_available_to_buy),
        })
    return found

