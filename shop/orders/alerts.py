"""Order anomalies: supplier confirmations overdue against their SLA, stock reservations about to expire.

:func:`check` raises each anomaly once (an :class:`~shop.orders.models.OrderAlert`
with a unique key), and :func:`send_pending` emails the new ones to the
operators; both run from the Celery beat task ``shop.orders.tasks.check_order_alerts``.
An alert resolves itself when the supplier confirms or the reservation is gone.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from shop.inventory.models import Reservation

from .lifecycle import overdue_groups
from .models import AlertSettings, OrderAlert, State


def _raise(kind: str, key: str, order_id: int, message: str, group_id: int | None = None) -> bool:
    try:
        with transaction.atomic():
            OrderAlert.objects.create(kind=kind, key=key, order_id=order_id, group_id=group_id, message=message)
    except IntegrityError:
        return False
    return True


def check(now: Any = None) -> int:
    """Raise the anomalies found now; returns how many are new."""
    now = now or timezone.now()
    config = AlertSettings.current()
    new = 0
    with override(settings.LANGUAGE_CODE):
        for group in overdue_groups(now).select_related("order", "partner"):
            message = _("Order %(number)s: %(supplier)s has not confirmed it; it was due by %(due)s.") % {
                "number": group.order.number,
                "supplier": group.partner.display_name if group.partner else "—",
                "due": timezone.localtime(group.confirm_due_at).strftime("%Y-%m-%d %H:%M"),
            }
            new += _raise(OrderAlert.Kind.UNCONFIRMED, f"unconfirmed:{group.pk}", group.order_id, message, group.pk)
        horizon = now + timedelta(hours=config.reservation_warning_hours)
        expiring = (
            Reservation.objects.filter(expires_at__gt=now, expires_at__lte=horizon)
            .filter(quantity__gt=F("shipped") + F("released"))
            .select_related("order", "line")
        )
        for reservation in expiring:
            message = _("Order %(number)s: the reservation of %(units)s × %(title)s expires at %(when)s.") % {
                "number": reservation.order.number,
                "units": reservation.open_quantity,
                "title": reservation.line.title,
                "when": timezone.localtime(reservation.expires_at).strftime("%Y-%m-%d %H:%M"),
            }
            new += _raise(
                OrderAlert.Kind.RESERVATION_EXPIRING, f"reservation:{reservation.pk}", reservation.order_id, message
            )
    resolve(now)
    return new


def resolve(now: Any = None) -> int:
    """Close alerts whose cause is gone: the supplier confirmed or closed the order; the order's expiring
    reservations were shipped, released or kept (paid)."""
    now = now or timezone.now()
    unconfirmed = OrderAlert.objects.filter(
        kind=OrderAlert.Kind.UNCONFIRMED, resolved_at__isnull=True
    ).exclude(group__state=State.SUBMITTED).update(resolved_at=now)
    still_expiring = Reservation.objects.filter(
        expires_at__isnull=False, expires_at__gt=now, quantity__gt=F("shipped") + F("released")
    ).values("order_id")
    expiring = OrderAlert.objects.filter(
        kind=OrderAlert.Kind.RESERVATION_EXPIRING, resolved_at__isnull=True
    ).exclude(order_id__in=still_expiring).update(resolved_at=now)
    return unconfirmed + expiring


def open_alerts() -> QuerySet:
    return OrderAlert.objects.filter(resolved_at__isnull=True).select_related("order", "group__partner")


def recipients() -> list[str]:
    configured = AlertSettings.current().recipient_list()
    return configured or [email for _name, email in settings.MANAGERS] or [
        email for _name, email in settings.ADMINS
    ]


def send_pending() -> int:
    """Email the alerts not emailed yet, in one message; returns how many were sent."""
    with transaction.atomic():
        pending = list(OrderAlert.objects.select_for_update().filter(emailed_at__isnull=True).order_by("pk"))
        to = recipients()
        if not pending or not to:
            return 0
        with override(settings.LANGUAGE_CODE):
            subject = _("%(count)s new order alerts") % {"count": len(pending)}
            body = "\n".join(alert.message for alert in pending)
        send_mail(subject, body, None, to)
        OrderAlert.objects.filter(pk__in=[a.pk for a in pending]).update(emailed_at=timezone.now())
    return len(pending)
