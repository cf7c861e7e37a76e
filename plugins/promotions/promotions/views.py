"""The plugin's staff pages; the core mounts them staff-only and answers 404 while it is switched off."""

from __future__ import annotations

from shop.plugins.overview import PluginOverviewView

from .apps import PromotionsConfig


class OverviewView(PluginOverviewView):
    """The plugin's dashboard page: the core's overview, plus what is planned (``promotions/dashboard/index.html``)."""

    plugin_label = PromotionsConfig.label
    template_name = "promotions/dashboard/index.html"
