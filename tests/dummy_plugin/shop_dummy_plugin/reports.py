"""The report the dummy plugin offers through ``shop_report_providers``."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from . import contract, services


class DummyNotesReport:
    """Lists the dummy notes created in a period.

    ``generate(start, end)`` takes aware datetimes and returns one dict per note
    created in ``[start, end)``, oldest first: ``{"id", "text", "created_at"}``.
    """

    code = contract.REPORT_CODE
    name = _("Dummy notes")

    def generate(self, start: datetime, end: datetime) -> list[dict]:
        return services.notes_between(start, end)
