"""The Celery app: ``celery -A shop worker`` and ``celery -A shop beat``.

Without ``REDIS_URL`` tasks run inline (eager), so the embedded default needs no
worker. Task modules are found in every installed app's ``tasks.py``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
