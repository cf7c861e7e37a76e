"""Background work of the inventory: low-stock emails and the expiry of reservations (Celery beat)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def alert_recipients(alert) -> list[str]:
    """``INVENTORY_ALERT_EMAILS`` plus the administrators of the company owning the warehouse."""
    from shop.companies.models import Membership

    emails = list(getattr(settings, "INVENTORY_ALERT_EMAILS", []) or [email for _name, email in settings.ADMINS])
    company_id = alert.stock.warehouse.company_id
    if company_id:
        emails += Membership.objects.filter(
            company_id=company_id, role=Membership.Role.ADMIN, user__is_active=True
        ).values_list("user__email", flat=True)
    return sorted({email for email in emails if email})


@shared_task
def notify_low_stock(alert_id: int) -> int:
    """Email one low-stock alert; returns the number of recipients (0 when the alert is gone)."""
    from .models import StockAlert

    alert = (
        StockAlert.objects.select_related("stock__warehouse", "stock__stockrecord__product").filter(pk=alert_id).first()
    )
    if alert is None:
        return 0
    recipients = alert_recipients(alert)
    if not recipients:
        logger.warning("low-stock alert %s has no recipients (set INVENTORY_ALERT_EMAILS)", alert_id)
        return 0
    stock = alert.stock
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "product": stock.stockrecord.product.get_title(),
            "sku": stock.stockrecord.partner_sku,
            "warehouse": stock.warehouse.name,
            "available": alert.available,
            "threshold": alert.threshold,
        }
        subject = _("Low stock: %(product)s at %(warehouse)s") % values
        body = (
            _(
                "%(product)s (SKU %(sku)s) at %(warehouse)s: %(available)s available, "
                "below the threshold of %(threshold)s. Consider reordering."
            )
            % values
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(recipients)


@shared_task
def release_expired_reservations() -> int:
    """Release reservations whose time ran out (beat, every few minutes); returns units released."""
    from .reservations import release_expired_reservations as release

    units = release()
    if units:
        logger.info("released %s expired reserved units", units)
    return units
