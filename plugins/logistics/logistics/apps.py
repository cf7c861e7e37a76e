from django.utils.translation import gettext_lazy as _

from shop.plugins.base import PluginConfig

from . import __version__


class LogisticsConfig(PluginConfig):
    name = "logistics"
    label = "logistics"
    verbose_name = _("Logistics")

    plugin_name = _("Logistics")
    plugin_version = __version__
    plugin_description = _("Shipping methods, carriers and delivery routes for business orders.")
    core_versions = ">=0.1,<1.0"
    depends_on = ()
    dashboard_urls_module = "logistics.dashboard_urls"
