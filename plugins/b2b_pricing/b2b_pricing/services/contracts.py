"""Contract prices: no two for the same thing at once, and an alert before each one ends."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from shop.core import audit

from .. import conf

if TYPE_CHECKING:
    from ..models import ContractPrice

logger = logging.getLogger(__name__)

LONGEST_ALERT_DAYS = 365


def overlapping(contract: ContractPrice) -> QuerySet:
    """Other contract prices of the same company, product and currency whose dates overlap ``contract``'s."""
    from ..models import ContractPrice

    return ContractPrice.objects.filter(
        company_id=contract.company_id,
        product_id=contract.product_id,
        currency=contract.currency,
        valid_from__lte=contract.valid_until,
        valid_until__gte=contract.valid_from,
    ).exclude(pk=contract.pk)


def save_contract(contract: ContractPrice, user: Any, changed_end: bool) -> None:
    """Save a (validated) contract price; a new end date re-arms its end alert."""
    created = contract.pk is None
    if changed_end:
        contract.alert_sent_at = None
    contract.save()
    audit.record(
        user,
        "b2b_pricing.contract.created" if created else "b2b_pricing.contract.changed",
        contract,
        {"company": contract.company_id, "product": contract.product_id, "until": contract.valid_until.isoformat()},
    )


def delete_contract(contract: ContractPrice, user: Any) -> None:
    audit.record(user, "b2b_pricing.contract.deleted", contract, {"company": contract.company_id})
    contract.delete()


@dataclass(frozen=True)
class EndingContract:
    contract: ContractPrice
    days_left: int


def ending_soon(day: datetime.date | None = None) -> list[EndingContract]:
    """Current contract prices whose end is within their alert window, soonest first."""
    from ..models import ContractPrice

    day = day or timezone.localdate()
    horizon = day + datetime.timedelta(LONGEST_ALERT_DAYS)
    rows = (
        ContractPrice.objects.filter(valid_until__gte=day, valid_until__lte=horizon)
        .select_related("company", "product")
        .order_by("valid_until", "pk")
    )
    found = []
    for contract in rows:
        days_left = (contract.valid_until - day).days
        if days_left <= contract.alert_days:
            found.append(EndingContract(contract, days_left))
    return found


def expired_recently(day: datetime.date | None = None, within_days: int = 30) -> QuerySet:
    from ..models import ContractPrice

    day = day or timezone.localdate()
    return ContractPrice.objects.filter(
        valid_until__lt=day, valid_until__gte=day - datetime.timedelta(within_days)
    ).select_related("company", "product")


def alert_text(ending: list[EndingContract]) -> tuple[str, str]:
    subject = ngettext(
        "%(count)d contract price ends soon", "%(count)d contract prices end soon", len(ending)
    ) % {"count": len(ending)}
    lines = [
        _("%(company)s — %(product)s: ends on %(date)s (in %(days)d days)%(reference)s")
        % {
            "company": item.contract.company.name,
            "product": item.contract.product.get_title(),
            "date": item.contract.valid_until.isoformat(),
            "days": item.days_left,
            "reference": f" [{item.contract.reference}]" if item.contract.reference else "",
        }
        for item in ending
    ]
    body = "\n".join([_("These contract prices end soon; renew or let them lapse:"), "", *lines])
    return subject, body


def send_end_alerts(day: datetime.date | None = None) -> int:
    """Email the alert for contracts that entered their alert window and were not alerted yet.

    Idempotent: each contract is alerted once per end date (changing the end
    date re-arms it). Returns how many contracts the email named.
    """
    from ..models import ContractPrice

    pending = [item for item in ending_soon(day) if item.contract.alert_sent_at is None]
    if not pending:
        return 0
    recipients = conf.contract_alert_recipients()
    with transaction.atomic():
        ids = [item.contract.pk for item in pending]
        claimed = ContractPrice.objects.filter(pk__in=ids, alert_sent_at__isnull=True).update(
            alert_sent_at=timezone.now()
        )
        if claimed and recipients:
            with translation.override(None):
                subject, body = alert_text(pending)
            transaction.on_commit(lambda: send_mail(subject, body, None, recipients, fail_silently=False))
    if not recipients:
        logger.warning("b2b_pricing: %d contract prices end soon and no alert recipient is set", len(pending))
    return len(pending)
