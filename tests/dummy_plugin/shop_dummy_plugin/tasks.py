"""The dummy plugin's periodic task, scheduled through ``DummyPluginConfig.beat_schedule``."""

from __future__ import annotations

from celery import shared_task

from shop.plugins import state

from . import contract
from .models import DummyNote


@shared_task(name=contract.HEARTBEAT_TASK)
def note_heartbeat() -> int:
    """Write one ``HEARTBEAT_NOTE``; does nothing (returns 0) while the plugin is switched off."""
    if not state.is_enabled(contract.LABEL):
        return 0
    DummyNote.objects.create(text=contract.HEARTBEAT_NOTE)
    return 1
