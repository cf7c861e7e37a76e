"""The plugin's staff pages; the core mounts them staff-only and answers 404 while it is switched off."""

from __future__ import annotations

from shop.plugins.overview import PluginOverviewView

from .apps import LogisticsConfig


class OverviewView(PluginOverviewView):
    """The plugin's dashboard page: the core's overview, plus what is planned (``logistics/dashboard/index.html``)."""

    plugin_label = LogisticsConfig.label
    template_name = "logistics/dashboard/index.html"
