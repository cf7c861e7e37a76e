"""The dummy plugin's observable behaviour, as values tests can import.

Everything the hooks, URLs and receivers do is derived from these constants,
so a test asserts ``contract.SHIPPING_CHARGE`` rather than a bare ``7.00``.
"""

from __future__ import annotations

from decimal import Decimal

LABEL = "dummy"

#: ``shop_adjust_price``: titles containing this marker get ``DISCOUNT_RATE`` off.
DISCOUNT_MARKER = "DUMMY-DISCOUNT"
DISCOUNT_RATE = Decimal("0.10")

#: ``shop_shipping_methods``: the one method offered, for any basket.
SHIPPING_CODE = "dummy-courier"
SHIPPING_CHARGE = Decimal("7.00")

#: ``shop_search_index_fields`` / ``shop_search_facets``: the extra indexed field and its facet.
INDEX_FIELD = "dummy_discount"

#: ``shop_checkout_validate``: a basket with a line of exactly this quantity is refused.
REFUSED_QUANTITY = 13

#: ``shop_cms_blocks``: the block's name in a page's plugin slot and its default text.
BLOCK_NAME = "dummy_notice"
BLOCK_DEFAULT_TEXT = "hello from dummy block"

#: ``shop_report_providers``: the report's code.
REPORT_CODE = "dummy-notes"

#: The storefront page ``/<lang>/p/dummy/hello/``.
HELLO_TEXT = "hello from dummy"

#: ``order_placed`` / ``order_status_changed``: the notes the receivers write.
ORDER_PLACED_NOTE = "order placed: {number}"
ORDER_STATUS_NOTE = "order {number}: {old} -> {new}"
