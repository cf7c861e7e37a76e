"""Scheduled publishing: Celery beat runs Wagtail's ``publish_scheduled`` every minute.

Pages whose *go live* moment has come are published, pages past their *expiry*
are unpublished (and their cached bodies dropped by the unpublish signal).
"""

from __future__ import annotations

from io import StringIO

from celery import shared_task
from django.core.management import call_command


@shared_task(name="cms.tasks.publish_scheduled_pages", ignore_result=False)
def publish_scheduled_pages() -> str:
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue().strip()
