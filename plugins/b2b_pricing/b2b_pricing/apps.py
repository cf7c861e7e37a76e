from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from shop.plugins.base import PluginConfig

from . import __version__


class B2BPricingConfig(PluginConfig):
    name = "b2b_pricing"
    label = "b2b_pricing"
    verbose_name = _("B2B pricing")

    plugin_name = _("B2B pricing")
    plugin_version = __version__
    plugin_description = _("Tiered business pricing: price lists, quantity breaks, contract prices and quick order.")
    core_versions = ">=0.1,<1.0"
    depends_on = ()
    urls_module = "b2b_pricing.urls"
    dashboard_urls_module = "b2b_pricing.dashboard_urls"
    #: Joins CELERY_BEAT_SCHEDULE as "b2b_pricing:contract-end-alerts"; the task does nothing while switched off.
    beat_schedule = {  # noqa: RUF012 - read-only class metadata
        "contract-end-alerts": {
            "task": "b2b_pricing.tasks.alert_ending_contracts",
            "schedule": crontab(hour=6, minute=0),
        },
    }

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the signal receivers
