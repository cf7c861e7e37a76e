"""Who may see a dashboard menu entry."""

from __future__ import annotations

from django.urls import resolve, reverse
from oscar.apps.dashboard.nav import _dashboard_url_names_to_config, default_access_fn


def dashboard_access(user, url_name, url_args=None, url_kwargs=None) -> bool:
    """Oscar's permission rules for Oscar's dashboard pages; active staff for the project's own pages."""
    if url_name is None:
        return True
    match = resolve(reverse(url_name, args=url_args, kwargs=url_kwargs))
    # Oscar's pages live in the "dashboard" namespace; plugin pages reuse names like "index" elsewhere.
    if match.namespaces[:1] == ["dashboard"] and match.url_name in _dashboard_url_names_to_config():
        return default_access_fn(user, url_name, url_args, url_kwargs)
    return bool(user.is_active and user.is_staff)
