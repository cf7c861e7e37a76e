"""Who acts in which role on an order: the buyer's company, the supplier of a group, staff.

Lookups go through these querysets, so an order of another company (or another
supplier's order) is simply not found: 404, never 403.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from oscar.core.loading import get_model

from .models import FulfilmentGroup, Role

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


def supplier_groups(user: Any, company: Any = None) -> QuerySet:
    """Fulfilment groups of the suppliers ``user`` works for (none for anyone else)."""
    return FulfilmentGroup.objects.filter(partner_id__in=supplier_partner_ids(user, company))


def buyer_orders(company: Any) -> QuerySet:
    if company is None:
        return Order.objects.none()
    return Order.objects.filter(company_link__company=company)


def roles_on_group(user: Any, group: FulfilmentGroup, company: Any = None) -> set[str]:
    roles = set()
    if getattr(user, "is_staff", False) and user.is_active:
        roles.add(Role.STAFF)
    if group.partner_id in supplier_partner_ids(user, company):
        roles.add(Role.SUPPLIER)
    link = getattr(group.order, "company_link", None)
    if company is not None and link is not None and link.company_id == company.pk:
        roles.add(Role.BUYER)
    return roles
