"""Oscar's order creator with a fixed number of queries per order, whatever its number of lines.

:class:`BulkOrderCreator` keeps Oscar's ``OrderCreator.place_order`` (order,
surcharges, vouchers, offer discounts, the ``order_placed`` signal) and
replaces only the per-line work:

* the lines' partners, products and product classes are read in two queries;
* lines, line prices, line attributes and line discounts are written with
  ``bulk_create`` (four inserts in all, one query for the attributes' options);
* stock allocation: the order's stock records are row-locked in primary-key
  order (the order every placement and the inventory use, so no deadlock).
  Records kept by warehouses (``shop.inventory``) are not allocated here:
  the reservation (``shop.orders.stock.reserve``) sets their ``num_allocated``
  to the sum of what is reserved. Every other record whose product class tracks
  stock gets Oscar's allocation, as one atomic ``UPDATE`` for all of them.

What Oscar's ``StockRecord.allocate`` triggers through ``post_save`` (low-stock
alerts, "back in stock" alerts, search re-indexing) is done once for all the
order's records by :func:`shop.orders.stock.records_changed`, which
:func:`shop.orders.placement.place` calls after the reservation, when the stock
levels are final.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.apps.order import exceptions
from oscar.apps.order.utils import OrderCreator
from oscar.core.loading import get_model

from shop.inventory.ledger import lock_records
from shop.inventory.models import WarehouseStock

Line = get_model("order", "Line")
LinePrice = get_model("order", "LinePrice")
LineAttribute = get_model("order", "LineAttribute")
OrderLineDiscount = get_model("order", "OrderLineDiscount")
Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def _no_record(basket_line: Any) -> Exception:
    return exceptions.UnableToPlaceOrder(
        _("%(product)s has no supplier offer any more; remove it from your basket.")
        % {"product": basket_line.product.get_title() if basket_line.product_id else basket_line.pk}
    )


class BulkOrderCreator(OrderCreator):
    """Oscar's ``OrderCreator`` writing all lines of an order in bulk (see the module docstring)."""

    def place_order(self, basket: Any, *args: Any, **kwargs: Any) -> Any:
        self._basket = basket
        self._pending_lines: list[tuple[Any, Any]] = []
        self._records: dict[int, Any] = {}
        self._products: dict[int, Any] = {}
        return super().place_order(basket, *args, **kwargs)

    # Lines -----------------------------------------------------------------

    def _load(self, basket_lines: list[Any]) -> None:
        """Stock records (with partner and the "kept by warehouses" flag) and products (with class and
        parent) of all lines, two queries."""
        for basket_line in basket_lines:
            if basket_line.stockrecord_id is None:
                raise _no_record(basket_line)
        record_ids = sorted({line.stockrecord_id for line in basket_lines})
        lock_records(record_ids)
        self._records = (
            StockRecord.objects.select_related("partner")
            .annotate(kept_by_warehouses=Exists(WarehouseStock.objects.filter(stockrecord=OuterRef("pk"))))
            .in_bulk(record_ids)
        )
        self._products = Product.objects.select_related("product_class", "parent__product_class").in_bulk(
            {line.product_id for line in basket_lines}
        )

    def create_line_models(self, order: Any, basket_line: Any, extra_line_fields: dict | None = None) -> Any:
        """Build the order line (saved later, with all others, by :meth:`write_lines`)."""
        if not self._records:
            self._load(list(self._basket.all_lines()))
        record = self._records.get(basket_line.stockrecord_id)
        if record is None:
            raise _no_record(basket_line)
        product = self._products.get(basket_line.product_id, basket_line.product)
        line_data = {
            "order": order,
            "partner": record.partner,
            "partner_name": record.partner.name,
            "partner_sku": record.partner_sku,
            "stockrecord": record,
            "product": product,
            "title": product.get_title(),
            "upc": product.upc,
            "quantity": basket_line.quantity,
            "line_price_excl_tax": basket_line.line_price_excl_tax_incl_discounts,
            "line_price_incl_tax": basket_line.line_price_incl_tax_incl_discounts,
            "line_price_before_discounts_excl_tax": basket_line.line_price_excl_tax,
            "line_price_before_discounts_incl_tax": basket_line.line_price_incl_tax,
            "unit_price_incl_tax": basket_line.unit_price_incl_tax,
            "unit_price_excl_tax": basket_line.unit_price_excl_tax,
            "tax_code": basket_line.tax_code,
            "num_allocated": basket_line.quantity,
        }
        extra_line_fields = dict(extra_line_fields or {})
        if hasattr(settings, "OSCAR_INITIAL_LINE_STATUS") and "status" not in extra_line_fields:
            extra_line_fields["status"] = settings.OSCAR_INITIAL_LINE_STATUS
        line_data.update(extra_line_fields)
        order_line = Line(**line_data)
        self._pending_lines.append((order_line, basket_line))
        return order_line

    def write_lines(self, order: Any) -> list[Any]:
        """Insert the built lines and their prices, attributes and discounts: four queries at most."""
        pairs, self._pending_lines = self._pending_lines, []
        if not pairs:
            return []
        Line.objects.bulk_create([line for line, _basket_line in pairs])
        prices, attributes, discounts = [], [], []
        order_discounts = None
        option_ids = {attr.option_id for _line, basket_line in pairs for attr in basket_line.attributes.all()}
        options = Option.objects.in_bulk(option_ids) if option_ids else {}
        for order_line, basket_line in pairs:
            for price_incl_tax, price_excl_tax, quantity in basket_line.get_price_breakdown():
                prices.append(
                    LinePrice(
                        order=order,
                        line=order_line,
                        quantity=quantity,
                        price_incl_tax=price_incl_tax,
                        price_excl_tax=price_excl_tax,
                        tax_code=basket_line.tax_code,
                    )
                )
            for attr in basket_line.attributes.all():
                option = options[attr.option_id]
                attributes.append(LineAttribute(line=order_line, option=option, type=option.code, value=attr.value))
            for discount in basket_line.discounts:
                if not discount.offer:
                    continue
                if order_discounts is None:
                    order_discounts = {}
                    for order_discount in order.discounts.order_by("pk"):
                        order_discounts.setdefault(order_discount.offer_id, order_discount)
                order_discount = order_discounts.get(discount.offer.id)
                if order_discount is not None:  # Oscar skips a line discount without its order discount too
                    discounts.append(
                        OrderLineDiscount(
                            line=order_line,
                            order_discount=order_discount,
                            is_incl_tax=discount.incl_tax,
                            amount=discount.amount,
                        )
                    )
            self.create_additional_line_models(order, order_line, basket_line)
        for model, rows in ((LinePrice, prices), (LineAttribute, attributes), (OrderLineDiscount, discounts)):
            if rows:
                model.objects.bulk_create(rows)
        return [line for line, _basket_line in pairs]

    # Stock -----------------------------------------------------------------

    def update_stock_records(self, line: Any) -> None:
        """Called by Oscar once per basket line, after all lines were built: the first call writes the lines
        and allocates the stock of all of them; the following calls have nothing left to do."""
        if not self._pending_lines:
            return
        order = self._pending_lines[0][0].order
        lines = self.write_lines(order)
        self.allocate(lines)

    def allocate(self, lines: list[Any]) -> list[int]:
        """Oscar's allocation for the lines' stock records that warehouses do not keep and whose product class
        tracks stock, in one atomic ``UPDATE``; returns those records' ids."""
        units: dict[int, int] = defaultdict(int)
        for line in lines:
            record = self._records[line.stockrecord_id]
            if record.kept_by_warehouses or not line.product.get_product_class().track_stock:
                continue
            units[record.pk] += line.quantity
        if units:
            StockRecord.objects.filter(pk__in=list(units)).update(
                num_allocated=Coalesce(F("num_allocated"), 0)
                + Case(*(When(pk=pk, then=Value(n)) for pk, n in units.items()), output_field=IntegerField())
            )
        return sorted(units)
