"""Dashboard menu entries for plugins: what a ``shop_dashboard_navigation`` hook returns for staff pages."""

from __future__ import annotations

from typing import Any


def staff_only(user: Any, url_name: str | None, url_args: Any = None, url_kwargs: Any = None) -> bool:
    """Menu access check in Oscar's ``access_fn`` form: plugin dashboards are for active staff."""
    return bool(getattr(user, "is_active", False) and getattr(user, "is_staff", False))


def staff_menu(user: Any, entries: list[tuple[Any, str]]) -> list[dict]:
    """``(label, url_name)`` pairs as Oscar menu entries for active staff; nothing for anyone else."""
    if not staff_only(user, None):
        return []
    return [{"label": label, "url_name": url_name, "access_fn": staff_only} for label, url_name in entries]
