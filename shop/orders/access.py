"""Who acts in which role on an order: the buyer's company, the supplier of a group, staff.

Lookups go through these querysets, so an order of another company (or another
supplier's order) is simply not found: 404, never 403.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from oscar.core.loading import get_model

Order = get_model("order", "Order")


def supplier_partner_ids(user: Any, company: Any = None) -> set[int]:
    """The partners (suppliers) ``user`` works for: Oscar's partner users, and the active company's partner."""
    if not getattr(user, "is_authenticated", False):
        return set()
    ids = set(user.partners.values_list("pk", flat=True))
    partner_id = getattr(company, "partner_id", None)
    if partner_id:
        ids.add(partner_id)
    return ids


def buyer_orders(company: Any) -> QuerySet:
    if company is None:
        return Order.objects.none()
    return Order.objects.filter(company_link__company=company)

