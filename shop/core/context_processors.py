from __future__ import annotations

from django.conf import settings

from shop.plugins.state import enabled_labels

from .navigation import links_for
from .roles import roles_of


def shop(request) -> dict:
    user = getattr(request, "user", None)
    roles = roles_of(user) if user is not None else []
    return {
        "shop_roles": [r.value for r in roles],
        "shop_primary_role": roles[0] if roles else None,
        "shop_role_links": links_for(user) if user is not None else [],
        "shop_theme": settings.SHOP_THEME,
        "shop_version": settings.SHOP_VERSION,
        "shop_enabled_plugins": enabled_labels(),
    }
