"""The runtime on/off switch: hooks skipped, URLs 404, menu entries gone, data kept, every flip recorded."""

from __future__ import annotations

import subprocess
import sys
import time
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from shop.plugins import manager, state
from shop.plugins.models import PluginSwitch
from tests.conftest import ROOT, subprocess_env

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_switches():
    state.invalidate()
    yield
    state.invalidate()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="op", email="op@example.com", password="a-long-pass-123", is_staff=True
    )


def test_enabled_by_default_and_listed(capsys):
    assert state.is_enabled("dummy")
    call_command("plugins", "list")
    out = capsys.readouterr().out
    assert "dummy" in out and "yes" in out


def test_disabled_plugin_urls_answer_404_and_come_back(client):
    url = "/en/p/dummy/hello/"
    assert client.get(url).status_code == 200
    state.set_enabled("dummy", False, source="command", actor="test")
    assert client.get(url).status_code == 404
    state.set_enabled("dummy", True, source="command", actor="test")
    assert client.get(url).status_code == 200


def test_disabled_plugin_hooks_are_skipped():
    product = type("P", (), {"title": "Gel pen DUMMY-DISCOUNT", "pk": 1})()
    price = manager.adjust_price(product, None, Decimal("10.00"), "CNY", {"quantity": 1})
    assert price == Decimal("9.00")
    state.set_enabled("dummy", False, source="command", actor="test")
    assert manager.adjust_price(product, None, Decimal("10.00"), "CNY", {"quantity": 1}) == Decimal("10.00")
    assert manager.collect("shop_search_facets") == []


def test_data_is_kept_while_disabled():
    from shop_dummy_plugin.models import DummyNote

    DummyNote.objects.create(text="keep me")
    state.set_enabled("dummy", False, source="command", actor="test")
    assert DummyNote.objects.filter(text="keep me").exists()
    state.set_enabled("dummy", True, source="command", actor="test")
    assert DummyNote.objects.filter(text="keep me").count() == 1


def test_menu_entries_vanish_when_disabled(staff):
    from shop.apps.dashboard.menu import get_nodes

    def labels():
        out = []
        for node in get_nodes(staff):
            out.append(str(node.label))
            out.extend(str(child.label) for child in node.children)
        return out

    enabled_labels = labels()
    state.set_enabled("dummy", False, source="command", actor="test")
    disabled_labels = labels()
    assert len(enabled_labels) > len(disabled_labels)


def test_command_enable_disable_records_who_and_when(capsys):
    call_command("plugins", "disable", "dummy", "--by", "alice")
    assert not state.is_enabled("dummy")
    call_command("plugins", "disable", "dummy", "--by", "alice")
    assert "already disabled" in capsys.readouterr().out
    call_command("plugins", "enable", "dummy", "--by", "bob")
    switches = list(PluginSwitch.objects.order_by("id").values_list("label", "enabled", "changed_by_name", "source"))
    assert switches == [("dummy", False, "alice", "command"), ("dummy", True, "bob", "command")]


def test_command_refuses_unknown_plugin():
    with pytest.raises(CommandError, match="unknown plugin 'ghost'; allowed in this deployment: dummy"):
        call_command("plugins", "enable", "ghost")


def test_dashboard_page_is_staff_only(client, django_user_model):
    url = reverse("shop_plugins:list")
    assert client.get(url).status_code == 302
    buyer = django_user_model.objects.create_user(username="b", email="b@example.com", password="a-long-pass-123")
    client.force_login(buyer)
    assert client.get(url).status_code == 302
    assert client.post(reverse("shop_plugins:toggle", args=["dummy"]), {"enabled": "0"}).status_code == 302
    assert state.is_enabled("dummy")


def test_dashboard_toggle_records_the_operator(client, staff):
    client.force_login(staff)
    page = client.get(reverse("shop_plugins:list"))
    assert page.status_code == 200 and b'data-plugin="dummy"' in page.content
    response = client.post(reverse("shop_plugins:toggle", args=["dummy"]), {"enabled": "0"}, follow=True)
    assert response.status_code == 200
    assert not state.is_enabled("dummy")
    switch = PluginSwitch.objects.get()
    assert (switch.changed_by, switch.source, switch.enabled) == (staff, "dashboard", False)
    assert client.post(reverse("shop_plugins:toggle", args=["ghost"]), {"enabled": "1"}).status_code == 404


def test_plugin_signal_receivers_skip_disabled_plugins():
    from shop_dummy_plugin.models import DummyNote

    from shop.plugins.signals import order_placed

    order = type("Order", (), {"number": "100042"})()
    order_placed.send(sender=None, order=order, user=None)
    assert DummyNote.objects.filter(text__contains="100042").count() == 1
    state.set_enabled("dummy", False, source="command", actor="test")
    order_placed.send(sender=None, order=type("Order", (), {"number": "100043"})(), user=None)
    assert not DummyNote.objects.filter(text__contains="100043").exists()


WATCHER = """
import sys, time, django
django.setup()
from shop.plugins import state
print("ready", state.is_enabled("dummy"), flush=True)
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    if not state.is_enabled("dummy"):
        print("off", flush=True)
        break
    time.sleep(0.1)
"""


@pytest.mark.django_db(transaction=True)
def test_a_running_second_process_sees_the_switch_within_5_seconds():
    proc = subprocess.Popen(
        [sys.executable, "-c", WATCHER], cwd=ROOT, env=subprocess_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready True"
        flipped = time.monotonic()
        state.set_enabled("dummy", False, source="command", actor="test")
        line = proc.stdout.readline().strip()
        seen_after = time.monotonic() - flipped
        assert line == "off"
        assert seen_after < 5.0
    finally:
        proc.kill()
        proc.wait()


def test_navigation_links_into_a_disabled_plugin_vanish(monkeypatch, django_user_model):
    from django.contrib.auth.models import Group

    from shop.core import navigation
    from shop.core.roles import GROUP_NAMES, Role

    monkeypatch.setitem(navigation._LINKS, Role.RETAILER, [("Hello", "dummy:hello", "grid")])
    buyer = django_user_model.objects.create_user(username="r", email="r@example.com", password="a-long-pass-123")
    buyer.groups.add(Group.objects.create(name=GROUP_NAMES[Role.RETAILER]))
    assert [link.label for link in navigation.links_for(buyer)] == ["Hello"]
    state.set_enabled("dummy", False, source="command", actor="test")
    buyer = django_user_model.objects.get(pk=buyer.pk)
    assert navigation.links_for(buyer) == []
