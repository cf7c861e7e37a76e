"""Events of the inventory, for other apps to react to (receivers must be idempotent)."""

from django.dispatch import Signal

#: Sent after expired reservations of one order were released, inside that transaction.
#: Arguments: ``order`` (Oscar order), ``units`` (int, units released).
reservation_expired = Signal()

#: Sent when a warehouse line's available stock fell below its low-stock threshold (once per crossing).
#: Arguments: ``alert`` (``StockAlert``).
stock_low = Signal()
