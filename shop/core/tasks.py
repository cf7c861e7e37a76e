"""Background work of the core."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection

from .mail import deserialise

logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=30, retry_kwargs={"max_retries": 5})
def deliver_email(self, payload: dict) -> int:
    """Send one queued email with the real delivery backend; retried on network errors."""
    connection = get_connection(settings.SHOP_EMAIL_DELIVERY_BACKEND)
    message = deserialise(payload)
    message.connection = connection
    sent = message.send()
    logger.info("email delivered", extra={"to": payload["to"], "subject": payload["subject"]})
    return sent
