"""Marking a price list as changed, so every process reloads its contents on the next request.

Every write to entries or quantity breaks goes through the plugin's services,
which call :func:`touch` once per change (an import of thousands of rows touches
the list once). Code that edits these tables another way must call it too.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.utils import timezone


def touch(*price_list_ids: int | None) -> None:
    touch_many(price_list_ids)


def touch_many(price_list_ids: Iterable[int | None]) -> None:
    from ..models import PriceList

    ids = {pk for pk in price_list_ids if pk}
    for pk in ids:
        PriceList.objects.filter(pk=pk).update(revision=uuid.uuid4(), updated_at=timezone.now())
