"""The plugin slot: one stable block whose children come from enabled plugins' ``shop_cms_blocks``."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from shop.plugins import state
from tests.dummy_plugin.shop_dummy_plugin import contract

pytestmark = pytest.mark.django_db

NOTICE = [("plugin_blocks", [(contract.BLOCK_NAME, {"text": "Dummy says hi"})])]


def notices(client) -> list[str]:
    response = client.get("/en/spring-sale/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [p.get_text(strip=True) for p in page.select(".dummy-notice")]


def test_the_slot_offers_the_enabled_plugins_blocks():
    from cms.blocks import PluginSlotBlock

    assert list(PluginSlotBlock().child_blocks) == [contract.BLOCK_NAME]
    state.set_enabled(contract.LABEL, False, source="test")
    assert list(PluginSlotBlock().child_blocks) == []


def test_a_plugin_block_renders_while_enabled_and_disappears_when_disabled(client, make_promo):
    # given
    make_promo(NOTICE)
    assert notices(client) == ["Dummy says hi"]

    # when
    state.set_enabled(contract.LABEL, False, source="test")

    # then: the page still renders, without the block; re-enabling brings it back
    assert notices(client) == []
    state.set_enabled(contract.LABEL, True, source="test")
    assert notices(client) == ["Dummy says hi"]


def test_the_slot_never_freezes_plugin_blocks_into_migrations(capsys):
    from cms.blocks import PluginSlotBlock

    path, args, kwargs = PluginSlotBlock().deconstruct()
    assert (path, args) == ("cms.blocks.plugin_slot.PluginSlotBlock", ())
    call_command("makemigrations", "cms", "--check", "--dry-run")
    state.set_enabled(contract.LABEL, False, source="test")
    call_command("makemigrations", "cms", "--check", "--dry-run")
    assert "No changes detected" in capsys.readouterr().out


def test_the_admin_edit_form_offers_the_plugin_block_only_while_enabled(admin_client, make_promo):
    page = make_promo(NOTICE)

    enabled = admin_client.get(f"/cms-admin/pages/{page.pk}/edit/").content.decode()
    state.set_enabled(contract.LABEL, False, source="test")
    disabled = admin_client.get(f"/cms-admin/pages/{page.pk}/edit/").content.decode()

    assert contract.BLOCK_NAME in enabled
    assert contract.BLOCK_NAME not in disabled
