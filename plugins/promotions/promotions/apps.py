from django.utils.translation import gettext_lazy as _

from shop.plugins.base import PluginConfig

from . import __version__


class PromotionsConfig(PluginConfig):
    name = "promotions"
    label = "promotions"
    verbose_name = _("Promotions")

    plugin_name = _("Promotions")
    plugin_version = __version__
    plugin_description = _("Campaigns and promotion cards that editors place on CMS pages.")
    core_versions = ">=0.1,<1.0"
    depends_on = ()
    dashboard_urls_module = "promotions.dashboard_urls"
