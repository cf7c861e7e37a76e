"""The beat task runs in a real Celery worker (Redis) against PostgreSQL and emails the operators once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from shop.orders.models import AlertSettings, FulfilmentGroup, OrderAlert
from shop.orders.tasks import check_order_alerts

pytestmark = [pytest.mark.postgres, pytest.mark.celery]


@pytest.fixture
def _worker_writes_mail_to_files(monkeypatch):
    """The worker delivers straight to its file backend (the celery_worker fixture's EMAIL_FILE_PATH)."""
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")


def test_a_worker_raises_and_emails_overdue_confirmations_once(
    _worker_writes_mail_to_files, celery_worker, buyer_a, company_a, paper, place_order
):
    config = AlertSettings.current()
    config.recipients = "ops@shop.example"
    config.save()
    order = place_order(buyer_a, company_a, [(paper, 1)], method="on-account")
    FulfilmentGroup.objects.filter(order=order).update(confirm_due_at=timezone.now() - timedelta(hours=1))

    assert check_order_alerts.delay().get(timeout=60) == {"raised": 1, "emailed": 1}
    assert check_order_alerts.delay().get(timeout=60) == {"raised": 0, "emailed": 0}

    assert OrderAlert.objects.get().emailed_at is not None
    mails = list(celery_worker["mail_dir"].glob("*.log"))
    assert len(mails) == 1
    body = mails[0].read_text()
    assert "ops@shop.example" in body and order.number in body
