from django.utils.translation import gettext_lazy as _

from shop.plugins.base import PluginConfig

from . import __version__


class SuppliersConfig(PluginConfig):
    name = "suppliers"
    label = "suppliers"
    verbose_name = _("Suppliers")

    plugin_name = _("Suppliers")
    plugin_version = __version__
    plugin_description = _("Supplier onboarding with qualification documents, and quality audits of deliveries.")
    core_versions = ">=0.1,<1.0"
    depends_on = ()
    dashboard_urls_module = "suppliers.dashboard_urls"
