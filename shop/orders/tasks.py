"""Periodic order work, run by Celery beat (``CELERY_BEAT_SCHEDULE["check-order-alerts"]``)."""

from __future__ import annotations

from celery import shared_task

from . import alerts


@shared_task(name="shop.orders.tasks.check_order_alerts")
def check_order_alerts() -> dict[str, int]:
    """Raise overdue-confirmation and expiring-reservation alerts and email the new ones."""
    raised = alerts.check()
    emailed = alerts.send_pending()
    return {"raised": raised, "emailed": emailed}
