"""What the promotions plugin contributes to the core's extension points."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from shop.plugins.hookspecs import hookimpl


def staff_only(user: Any, url_name: str | None, url_args: Any = None, url_kwargs: Any = None) -> bool:
    """Menu access check in Oscar's ``access_fn`` form: the plugin's dashboard is for active staff."""
    return bool(getattr(user, "is_active", False) and getattr(user, "is_staff", False))


@hookimpl
def shop_dashboard_navigation(user: Any) -> list[dict]:
    if not staff_only(user, None):
        return []
    return [{"label": _("Promotions"), "url_name": "promotions_dashboard:index", "access_fn": staff_only}]
