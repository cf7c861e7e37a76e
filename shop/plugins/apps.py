from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PluginFrameworkConfig(AppConfig):
    name = "shop.plugins"
    label = "shop_plugins"
    verbose_name = _("Plugins")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import manager

        manager.register_allowed_plugins()
