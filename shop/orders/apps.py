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

        self.batch_order_analytics()

    @staticmethod
    def batch_order_analytics() -> None:
        """Oscar's per-line analytics receiver of ``order_placed`` is replaced by the batched
        :func:`shop.orders.analytics.record_order` (same counts, queries independent of the line count)."""
        from django.apps import apps

        if not apps.is_installed("oscar.apps.analytics"):
            return
        from oscar.apps.analytics import receivers as oscar_analytics
        from oscar.apps.order.signals import order_placed

        from .analytics import record_order

        order_placed.disconnect(oscar_analytics.receive_order_placed)
        order_placed.connect(record_order, dispatch_uid="shop_orders.analytics.record_order")
