"""The storefront's role-aware navigation: each person finds their functions first."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from shop.plugins import state

from .roles import Role, roles_of


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    icon: str


_LINKS: dict[str, list[tuple[str, str, str]]] = {
    Role.RETAILER: [
        (_("Catalogue"), "catalogue:index", "grid"),
        (_("My orders"), "customer:order-list", "receipt"),
        (_("Basket"), "basket:summary", "cart"),
        (_("Quick order"), "b2b_pricing:quick-order", "bolt"),
        (_("Company"), "companies:home", "building"),
        (_("Company orders"), "companies:order-list", "receipt"),
        (_("Reorder suggestions"), "inventory:reorder", "arrow-repeat"),
        (_("Members"), "companies:member-list", "users"),
    ],
    Role.DISTRIBUTOR: [
        (_("Catalogue"), "catalogue:index", "grid"),
        (_("Quick order"), "b2b_pricing:quick-order", "bolt"),
        (_("Orders"), "customer:order-list", "receipt"),
        (_("Addresses"), "customer:address-list", "truck"),
        (_("Company"), "companies:home", "building"),
        (_("Company orders"), "companies:order-list", "receipt"),
        (_("Stock"), "inventory:overview", "boxes"),
        (_("Supplier stock"), "inventory:supplier-stock", "box-seam"),
        (_("Members"), "companies:member-list", "users"),
    ],
    Role.SUPPLIER: [
        (_("Orders to fulfil"), "shop_orders:supplier-list", "truck"),
        (_("My products"), "dashboard:catalogue-product-list", "box"),
        (_("My products at distributors"), "inventory:shared-stock", "boxes"),
    ],
    Role.EDITOR: [
        (_("Pages"), "wagtailadmin_home", "pencil"),
        (_("Images"), "wagtailimages:index", "image"),
    ],
    Role.OPERATOR: [
        (_("Dashboard"), "dashboard:index", "speedometer"),
        (_("Plugins"), "shop_plugins:list", "puzzle"),
        (_("CMS"), "wagtailadmin_home", "pencil"),
    ],
}


def _is_supplier(user) -> bool:
    """Works for a supplier: an Oscar partner user, or a member of a company that is a supplier (cached)."""
    cached = getattr(user, "_shop_supplies", None)
    if cached is None:
        from shop.companies.selection import membership_of
        from shop.orders.access import supplier_partner_ids

        membership = membership_of(user)
        cached = bool(supplier_partner_ids(user, membership.company if membership else None))
        user._shop_supplies = cached
    return cached


def _shown_to(url_name: str, user) -> bool:
    """Company and stock links only for members of a company; its member list only for the company's admins;
    supplier pages only for people who work for a supplier."""
    from shop.companies.selection import has_company, is_company_admin, membership_of

    if url_name == "companies:member-list":
        return is_company_admin(user)
    if url_name == "shop_orders:supplier-list":
        return _is_supplier(user)
    if url_name == "inventory:shared-stock":
        membership = membership_of(user)
        return membership is not None and membership.company.partner_id is not None
    if url_name.startswith(("companies:", "inventory:")):
        return has_company(user)
    return True


def _plugin_enabled(url_name: str) -> bool:
    """Links into a plugin's pages (namespace = plugin label) vanish while it is switched off."""
    namespace = url_name.partition(":")[0]
    return namespace not in state.allowed_labels() or state.is_enabled(namespace)


def links_for(user) -> list[NavLink]:
    roles = roles_of(user)
    seen: set[str] = set()
    links: list[NavLink] = []
    for role in roles:
        for label, url_name, icon in _LINKS[role]:
            if url_name in seen or not _shown_to(url_name, user) or not _plugin_enabled(url_name):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            seen.add(url_name)
            links.append(NavLink(str(label), url, icon))
    return links
