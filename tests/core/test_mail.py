"""Email is queued to Celery after commit and delivered by the worker."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from shop.core.mail import QueuedEmailBackend, deserialise, serialise


def test_serialise_round_trip_keeps_everything():
    message = EmailMultiAlternatives(
        "订单确认 Order 100001",
        "text body",
        "shop@example.com",
        ["buyer@example.com"],
        cc=["cc@example.com"],
        headers={"X-Order": "100001"},
    )
    message.attach_alternative("<p>html</p>", "text/html")
    message.attach("invoice.pdf", b"%PDF-1.7 bytes", "application/pdf")
    copy = deserialise(serialise(message))
    assert (copy.subject, copy.body, copy.to, copy.cc) == (
        message.subject,
        "text body",
        ["buyer@example.com"],
        ["cc@example.com"],
    )
    assert copy.alternatives[0][0] == "<p>html</p>"
    assert copy.attachments[0][1] == b"%PDF-1.7 bytes"
    assert copy.extra_headers == {"X-Order": "100001"}


@pytest.mark.django_db(transaction=True)
def test_queued_backend_delivers_after_commit_inline(settings):
    settings.SHOP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sent = QueuedEmailBackend().send_messages(
        [EmailMultiAlternatives("Hi", "body", "a@example.com", ["b@example.com"])]
    )
    assert sent == 1
    assert [m.subject for m in mail.outbox] == ["Hi"]


@pytest.mark.celery
def test_a_real_worker_delivers_queued_email(celery_worker):
    import time

    backend = QueuedEmailBackend()
    backend.send_messages([EmailMultiAlternatives("From the worker", "body", "a@example.com", ["b@example.com"])])
    deadline = time.monotonic() + 20
    files = []
    while time.monotonic() < deadline:
        files = list(celery_worker["mail_dir"].glob("*.log")) if celery_worker["mail_dir"].exists() else []
        if files:
            break
        time.sleep(0.2)
    assert files, "the worker did not deliver the email within 20 s"
    assert "From the worker" in files[0].read_text()
