"""Email leaves the request: messages are queued to Celery and sent by a worker.

``EMAIL_BACKEND = "shop.core.mail.QueuedEmailBackend"`` queues each message
after the surrounding transaction commits; the worker delivers it with
``SHOP_EMAIL_DELIVERY_BACKEND`` (SMTP in production, the console when developing).
Without a broker Celery runs the task inline, so nothing is lost either way.
"""

from __future__ import annotations

import base64
from email.mime.base import MIMEBase

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


def serialise(message: EmailMultiAlternatives) -> dict:
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            payload = attachment.get_payload(decode=True) or b""
            attachments.append(
                (
                    attachment.get_filename() or "attachment",
                    base64.b64encode(payload).decode(),
                    attachment.get_content_type(),
                )
            )
        else:
            filename, content, mimetype = attachment
            raw = content.encode() if isinstance(content, str) else content
            attachments.append((filename, base64.b64encode(raw).decode(), mimetype))
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [(str(content), mimetype) for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def deserialise(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        from .tasks import deliver_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            payload = serialise(message)
            transaction.on_commit(lambda payload=payload: deliver_email.delay(payload))
            count += 1
        return count
