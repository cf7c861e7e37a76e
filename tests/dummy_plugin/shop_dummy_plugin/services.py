"""What the dummy plugin does, called by its hooks and receivers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings

from . import contract
from .models import DummyNote


def has_discount_marker(product: Any) -> bool:
    return contract.DISCOUNT_MARKER in (getattr(product, "title", "") or "")


def discounted(price: Decimal) -> Decimal:
    """``price`` less ``DISCOUNT_RATE``, rounded half-up to the price's own decimal places."""
    return (price * (1 - contract.DISCOUNT_RATE)).quantize(price, rounding=ROUND_HALF_UP)


def refused_lines(lines: Iterable[Any]) -> list[Any]:
    return [line for line in lines if line.quantity == contract.REFUSED_QUANTITY]


def hides_prices_from(user: Any) -> bool:
    """True when ``HIDE_PRICES_SETTING`` is on and ``user`` is not signed in."""
    hide = bool(getattr(settings, contract.HIDE_PRICES_SETTING, False))
    return hide and not getattr(user, "is_authenticated", False)


def record_order_placed(order_number: str) -> DummyNote:
    """Note an order once, however often the event is delivered."""
    note, _created = DummyNote.objects.get_or_create(text=contract.ORDER_PLACED_NOTE.format(number=order_number))
    return note


def record_status_change(order_number: str, old_status: str, new_status: str) -> DummyNote:
    """Note a status transition once, however often the event is delivered."""
    text = contract.ORDER_STATUS_NOTE.format(number=order_number, old=old_status, new=new_status)
    note, _created = DummyNote.objects.get_or_create(text=text)
    return note


def notes_between(start: datetime, end: datetime) -> list[dict]:
    """Notes created in ``[start, end)``, oldest first, as report rows."""
    notes = DummyNote.objects.filter(created_at__gte=start, created_at__lt=end).order_by("created_at", "id")
    return [{"id": n.pk, "text": n.text, "created_at": n.created_at} for n in notes]
