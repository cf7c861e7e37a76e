"""The plugin's staff pages; the core mounts them staff-only and answers 404 while it is switched off."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.urls import reverse
from django.views.generic import TemplateView

from shop.plugins import manager, state

from ..apps import B2BPricingConfig


def implemented_hooks(label: str) -> list[str]:
    """Names of the extension points the plugin registered with the core, as pluggy sees them."""
    pm = manager.plugin_manager()
    module = pm.get_plugin(label)
    if module is None:
        return []
    return sorted(caller.name for caller in pm.get_hookcallers(module) or [])


class OverviewView(TemplateView):
    """The plugin's dashboard page: who it is, whether it is on, and what it offers today."""

    template_name = "b2b_pricing/dashboard/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        label = B2BPricingConfig.label
        context.update(
            plugin=apps.get_app_config(label),
            enabled=state.is_enabled(label),
            extension_points=implemented_hooks(label),
            plugins_url=reverse("shop_plugins:list"),
        )
        return context
