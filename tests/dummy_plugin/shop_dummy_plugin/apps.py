from django.utils.translation import gettext_lazy as _

from shop.plugins.base import PluginConfig

from . import __version__, contract


class DummyPluginConfig(PluginConfig):
    """Test-only plugin; see the package docstring for everything it does."""

    name = "shop_dummy_plugin"
    label = "dummy"
    verbose_name = _("Dummy plugin")

    plugin_name = _("Dummy plugin")
    plugin_version = __version__
    plugin_description = _("Test-only plugin that uses every extension point of the core.")
    core_versions = ">=0.1,<1.0"
    depends_on = ()
    urls_module = "shop_dummy_plugin.urls"
    dashboard_urls_module = "shop_dummy_plugin.dashboard_urls"
    testing_only = True
    beat_schedule = {  # noqa: RUF012 - read-only class metadata
        "heartbeat": {"task": contract.HEARTBEAT_TASK, "schedule": contract.HEARTBEAT_SECONDS},
    }

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the signal receivers
