"""The people the platform serves, and how a signed-in user maps to them.

Roles come from Django groups (named by ``Role`` values) and staff status, so
operators assign them in the dashboard's user pages without code.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    RETAILER = "retailer", _("Retail buyer")
    DISTRIBUTOR = "distributor", _("Distributor buyer")
    SUPPLIER = "supplier", _("Supplier")
    EDITOR = "editor", _("Marketing editor")
    OPERATOR = "operator", _("Operator")


GROUP_NAMES = {
    Role.RETAILER: "Retail buyers",
    Role.DISTRIBUTOR: "Distributor buyers",
    Role.SUPPLIER: "Suppliers",
    Role.EDITOR: "Editors",
    Role.OPERATOR: "Operators",
}


def roles_of(user) -> list[Role]:
    """The roles of a user, most powerful first; anonymous users have none."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_shop_roles", None)
    if cached is not None:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    roles = [role for role, group in GROUP_NAMES.items() if group in names]
    if user.is_superuser and Role.OPERATOR not in roles:
        roles.append(Role.OPERATOR)
    order = [Role.OPERATOR, Role.EDITOR, Role.SUPPLIER, Role.DISTRIBUTOR, Role.RETAILER]
    roles.sort(key=order.index)
    user._shop_roles = roles
    return roles
