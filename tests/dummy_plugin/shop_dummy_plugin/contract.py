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

#: ``shop_purchase_permitted``: nobody may have exactly this many of a product in a basket.
PURCHASE_REFUSED_QUANTITY = 77
PURCHASE_REFUSAL = "The dummy plugin does not sell 77 of anything: order 76 or 78."

#: ``shop_order_quantity``: titles containing this marker are ordered in packs of ``PACK_SIZE`` (at least one pack).
PACK_MARKER = "DUMMY-PACK"
PACK_SIZE = 6

#: ``shop_prices_hidden``: when this Django setting is True, visitors who are not signed in see no prices.
HIDE_PRICES_SETTING = "DUMMY_HIDE_PRICES"

#: ``shop_cms_blocks``: the block's name in a page's plugin slot and its default text.
BLOCK_NAME = "dummy_notice"
BLOCK_DEFAULT_TEXT = "hello from dummy block"

#: ``shop_report_providers``: the report's code.
REPORT_CODE = "dummy-notes"

#: ``beat_schedule``: the periodic task (entry ``dummy:heartbeat`` of CELERY_BEAT_SCHEDULE) and its note.
HEARTBEAT_TASK = "shop_dummy_plugin.tasks.note_heartbeat"
HEARTBEAT_SECONDS = 3600
HEARTBEAT_NOTE = "heartbeat"

#: The storefront page ``/<lang>/p/dummy/hello/``.
HELLO_TEXT = "hello from dummy"

#: ``order_placed`` / ``order_status_changed``: the notes the receivers write.
ORDER_PLACED_NOTE = "order placed: {number}"
ORDER_STATUS_NOTE = "order {number}: {old} -> {new}"
