"""Mounting plugin URLs so that a switched-off plugin answers 404.

``plugin_urlpatterns()`` gives one resolver per allowed plugin with URLs; the
resolver checks the runtime switch on every resolve, so no restart is needed.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.urls import URLResolver, include, path
from django.urls.exceptions import Resolver404

from . import state


class PluginURLResolver(URLResolver):
    def __init__(self, *args, plugin_label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.plugin_label = plugin_label

    def resolve(self, path_info):
        match = super().resolve(path_info)
        if match is not None and not state.is_enabled(self.plugin_label):
            raise Resolver404({"path": path_info, "tried": []})
        return match


def _staff_only(resolver: URLResolver) -> URLResolver:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            _staff_only(pattern)
        else:
            pattern.callback = staff_member_required(pattern.callback, login_url="customer:login")
    return resolver


def _plugin_resolver(route: str, module: str, label: str, namespace: str, staff: bool) -> PluginURLResolver:
    included = path(route, include((module, namespace), namespace=namespace))
    resolver = PluginURLResolver(
        included.pattern,
        included.urlconf_name,
        included.default_kwargs,
        included.app_name,
        included.namespace,
        plugin_label=label,
    )
    return _staff_only(resolver) if staff else resolver


def plugin_urlpatterns() -> list[URLResolver]:
    """Storefront URLs of allowed plugins, at ``p/<label>/``, namespace ``<label>``."""
    patterns = []
    for label in settings.SHOP_ALLOWED_PLUGINS:
        module = apps.get_app_config(label).urls_module
        if module:
            patterns.append(_plugin_resolver(f"p/{label}/", module, label, label, staff=False))
    return patterns


def plugin_dashboard_urlpatterns() -> list[URLResolver]:
    """Staff URLs of allowed plugins, at ``dashboard/p/<label>/``, namespace ``<label>_dashboard``."""
    patterns = []
    for label in settings.SHOP_ALLOWED_PLUGINS:
        module = apps.get_app_config(label).dashboard_urls_module
        if module:
            patterns.append(_plugin_resolver(f"dashboard/p/{label}/", module, label, f"{label}_dashboard", staff=True))
    return patterns
