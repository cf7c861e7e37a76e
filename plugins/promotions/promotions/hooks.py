"""What the promotions plugin contributes to the core's extension points."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from shop.plugins.hookspecs import hookimpl
from shop.plugins.navigation import staff_menu


@hookimpl
def shop_dashboard_navigation(user: Any) -> list[dict]:
    return staff_menu(user, [(_("Promotions"), "promotions_dashboard:index")])
