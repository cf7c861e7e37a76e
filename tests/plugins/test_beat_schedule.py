"""Plugins contribute periodic tasks (``PluginConfig.beat_schedule``) to the deployment's Celery beat schedule."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.conf import settings
from shop_dummy_plugin import contract
from shop_dummy_plugin.apps import DummyPluginConfig
from shop_dummy_plugin.models import DummyNote

from shop.celery import app
from shop.config import SettingError
from shop.plugins import state
from shop.plugins.base import PluginConfig
from shop.plugins.discovery import beat_schedules, installed_plugins

ENTRY = f"{contract.LABEL}:heartbeat"


def dummy_with(schedule):
    config = type("ScheduledConfig", (PluginConfig,), {"name": "shop_dummy_plugin", "beat_schedule": schedule})
    return replace(installed_plugins()[contract.LABEL], config_class=config)


def test_allowed_plugins_entries_join_the_beat_schedule_under_their_label():
    assert settings.CELERY_BEAT_SCHEDULE[ENTRY] == {
        "task": contract.HEARTBEAT_TASK,
        "schedule": contract.HEARTBEAT_SECONDS,
    }
    assert app.conf.beat_schedule[ENTRY]["task"] == contract.HEARTBEAT_TASK
    assert "refresh-exchange-rates" in settings.CELERY_BEAT_SCHEDULE  # the core's own entries stay
    app.loader.import_default_modules()
    assert contract.HEARTBEAT_TASK in app.tasks
    from celery.beat import Scheduler

    assert Scheduler(app=app).schedule[ENTRY].task == contract.HEARTBEAT_TASK  # what `celery -A shop beat` loads


def test_plugins_that_are_not_allowed_add_nothing():
    assert beat_schedules([]) == {}
    assert ENTRY in beat_schedules([installed_plugins()[contract.LABEL]])
    assert DummyPluginConfig.beat_schedule  # declared on the class, collected only when allowed


@pytest.mark.parametrize(
    ("schedule", "complaint"),
    [
        ({"x": {"schedule": 60}}, "beat_schedule['x'] needs a 'task' name and a 'schedule'"),
        ({"x": {"task": "t"}}, "beat_schedule['x'] needs a 'task' name and a 'schedule'"),
        ({"x": "every hour"}, "beat_schedule['x'] needs a 'task' name and a 'schedule'"),
        (["x"], "beat_schedule must be a dict of name -> entry"),
    ],
)
def test_a_malformed_entry_stops_start_up_with_one_clear_line(schedule, complaint):
    with pytest.raises(SettingError) as exc:
        beat_schedules([dummy_with(schedule)])
    assert str(exc.value) == f"plugin {contract.LABEL}: {complaint}"


@pytest.mark.django_db
def test_the_scheduled_task_runs_only_while_its_plugin_is_switched_on():
    from shop_dummy_plugin.tasks import note_heartbeat as task

    assert task.delay().get() == 1
    state.set_enabled(contract.LABEL, False, source="command", actor="test")
    assert task.delay().get() == 0
    assert list(DummyNote.objects.values_list("text", flat=True)) == [contract.HEARTBEAT_NOTE]
