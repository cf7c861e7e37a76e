"""Every plugin's dashboard home page: who it is, whether it is on, which hooks it implements, what it holds.

A plugin's ``dashboard_urls`` mounts a subclass of :class:`PluginOverviewView`
at ``""`` (name ``index``), naming its label and its own template, which extends
``shop_plugins/dashboard/plugin_overview.html`` and fills in only its blocks:

* ``plugin_notices`` – anything to show above the overview (e.g. contracts ending soon);
* ``plugin_overview_items`` – ``<li>`` items saying what the plugin holds today;
* ``plugin_switch_effect`` – what switching it off does, in one sentence;
* ``plugin_planned`` – a muted paragraph about what is not there yet.

The plugin's own numbers come from :meth:`PluginOverviewView.get_overview`.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.urls import reverse
from django.views.generic import TemplateView

from . import manager, state


def implemented_hooks(label: str) -> list[str]:
    """Names of the extension points the plugin registered with the core, as pluggy sees them."""
    pm = manager.plugin_manager()
    module = pm.get_plugin(label)
    if module is None:
        return []
    return sorted(caller.name for caller in pm.get_hookcallers(module) or [])


class PluginOverviewView(TemplateView):
    """A plugin's dashboard page; subclasses set ``plugin_label`` and ``template_name``."""

    plugin_label: str = ""
    template_name = "shop_plugins/dashboard/plugin_overview.html"

    def get_overview(self) -> dict[str, Any]:
        """The plugin's own context for its blocks (counts, lists); none by default."""
        return {}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        if not self.plugin_label:
            raise TypeError(f"{type(self).__name__} must set plugin_label")
        context = super().get_context_data(**kwargs)
        context.update(
            plugin=apps.get_app_config(self.plugin_label),
            enabled=state.is_enabled(self.plugin_label),
            extension_points=implemented_hooks(self.plugin_label),
            plugins_url=reverse("shop_plugins:list"),
        )
        context.update(self.get_overview())
        return context
