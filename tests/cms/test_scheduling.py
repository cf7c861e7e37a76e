"""Celery beat publishes and expires scheduled pages every minute."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from cms.tasks import publish_scheduled_pages


def test_beat_runs_the_publish_scheduler_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert entry == {"task": "cms.tasks.publish_scheduled_pages", "schedule": 60}


@pytest.mark.django_db
def test_the_task_takes_an_expired_campaign_down(client, make_promo):
    page = make_promo([("coupon", {"code": "LAST-DAY", "text": ""})])
    assert "LAST-DAY" in client.get("/en/spring-sale/").content.decode()
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))

    publish_scheduled_pages.delay()

    assert client.get("/en/spring-sale/").status_code == 404


def test_a_real_worker_runs_the_scheduler(celery_worker, make_promo, client):
    page = make_promo([("coupon", {"code": "WORKER-1", "text": ""})])
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))

    publish_scheduled_pages.delay().get(timeout=30)

    page.refresh_from_db()
    assert page.expired and not page.live
    assert client.get("/en/spring-sale/").status_code == 404
