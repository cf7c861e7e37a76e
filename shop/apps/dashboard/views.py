"""The dashboard's front page: Oscar's statistics, with the open stock and order alerts first for staff."""

from __future__ import annotations

from typing import Any

from oscar.apps.dashboard.views import IndexView as OscarIndexView

from shop.inventory.models import StockAlert
from shop.orders.models import OrderAlert

#: How many alerts of each kind the front page lists; the rest are counted and linked.
ALERTS_SHOWN = 10


def open_stock_alerts() -> Any:
    """Low-stock alerts nobody has acknowledged and whose stock is still below the threshold."""
    return StockAlert.objects.filter(resolved_at__isnull=True, acknowledged_at__isnull=True)


def open_order_alerts() -> Any:
    return OrderAlert.objects.filter(resolved_at__isnull=True)


class IndexView(OscarIndexView):
    def get_template_names(self) -> list[str]:
        if self.request.user.is_staff:
            return ["shop_dashboard/index.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.request.user.is_staff:
            context.update(self.alert_context())
        return context

    @staticmethod
    def alert_context() -> dict[str, Any]:
        """Four queries whatever the number of alerts: two counts and two bounded lists."""
        stock_alerts = open_stock_alerts()
        order_alerts = open_order_alerts()
        return {
            "stock_alerts": list(
                stock_alerts.select_related("stock__warehouse", "stock__stockrecord__product").order_by(
                    "-created_at", "-pk"
                )[:ALERTS_SHOWN]
            ),
            "stock_alert_count": stock_alerts.count(),
            "order_alerts": list(
                order_alerts.select_related("order", "group__partner").order_by("-created_at", "-pk")[:ALERTS_SHOWN]
            ),
            "order_alert_count": order_alerts.count(),
        }
