"""The dashboard menu: Oscar's configured entries plus those of enabled plugins."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.menu import create_menu


def get_nodes(user) -> list:
    from shop.plugins.manager import collect

    items = list(settings.OSCAR_DASHBOARD_NAVIGATION)
    plugin_items = collect("shop_dashboard_navigation", user=user)
    if plugin_items:
        items.append({"label": _("Plugin pages"), "icon": "fas fa-plug", "children": plugin_items})
    visible = []
    for node in create_menu(items):
        filtered = node.filter(user)
        if filtered and (filtered.has_children() or not filtered.is_heading):
            visible.append(filtered)
    return visible
