from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    """The B2B order lifecycle on top of Oscar's (unforked) order model."""

    name = "shop.orders"
    label = "shop_orders"
    verbose_name = _("Order fulfilment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers  # noqa: F401
