"""The promotions plugin: found by entry point, its metadata, its staff page, menu entry and switch."""

from __future__ import annotations

import os
import tempfile
from importlib.metadata import version
from pathlib import Path

import promotions
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from packaging.specifiers import SpecifierSet
from promotions.apps import PromotionsConfig

from shop.plugins import manager, state
from shop.plugins.base import PluginConfig
from shop.plugins.discovery import installed_plugins

LABEL = "promotions"
DISTRIBUTION = "inkstone-plugin-promotions"
NAME_EN = "Promotions"
NAME_ZH = "促销"
CATALOG = Path(promotions.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"

needs_plugin = pytest.mark.skipif(
    LABEL not in settings.SHOP_ALLOWED_PLUGINS,
    reason=f"{LABEL} is not in SHOP_PLUGINS ({settings.SHOP_PLUGINS!r}); run with SHOP_PLUGINS={LABEL} or all",
)


@pytest.fixture(autouse=True)
def fresh_switches():
    state.invalidate()
    yield
    state.invalidate()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="operator", email="operator@example.com", password="a-long-pass-123", is_staff=True
    )


@pytest.fixture
def buyer(django_user_model):
    return django_user_model.objects.create_user(
        username="buyer", email="buyer@example.com", password="a-long-pass-123"
    )


@pytest.fixture
def page_url() -> str:
    with translation.override("en"):
        return reverse(f"{LABEL}_dashboard:index")


def switch(enabled: bool) -> None:
    state.set_enabled(LABEL, enabled, source="command", actor="test")


def test_discovered_by_its_entry_point():
    found = installed_plugins()[LABEL]
    assert found.config_class is PromotionsConfig
    assert found.distribution == DISTRIBUTION
    assert found.config_path == "promotions.apps.PromotionsConfig"


def test_metadata_is_complete_and_fits_this_core():
    assert issubclass(PromotionsConfig, PluginConfig)
    assert PromotionsConfig.label == LABEL
    assert str(PromotionsConfig.plugin_name) == NAME_EN
    assert PromotionsConfig.plugin_version == version(DISTRIBUTION) == promotions.__version__
    assert len(str(PromotionsConfig.plugin_description)) > 20
    assert settings.SHOP_VERSION in SpecifierSet(PromotionsConfig.core_versions)
    assert PromotionsConfig.depends_on == ()
    assert not PromotionsConfig.testing_only


def test_chinese_catalog_is_complete():
    with CATALOG.open("rb") as f:
        catalog = read_po(f)
    messages = [m for m in catalog if m.id]
    assert messages
    assert [m.id for m in messages if not m.string] == []
    assert [m.id for m in messages if m.fuzzy] == []
    assert catalog[NAME_EN].string == NAME_ZH


@needs_plugin
@pytest.mark.django_db
def test_staff_see_the_dashboard_page(client, staff, page_url, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(25):
        response = client.get(page_url)
    assert response.status_code == 200
    assert response.templates[0].name == f"{LABEL}/dashboard/index.html"
    html = response.content.decode()
    config = PromotionsConfig
    assert NAME_EN in html
    assert f'id="plugin-version">{config.plugin_version}<' in html
    assert str(config.plugin_description) in html
    assert "Enabled" in html
    assert "<code>shop_dashboard_navigation</code>" in html


@needs_plugin
@pytest.mark.django_db
def test_others_are_sent_to_log_in(client, buyer, page_url):
    response = client.get(page_url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(buyer)
    response = client.get(page_url)
    assert response.status_code in (302, 403)
    assert NAME_EN.encode() not in response.content


@needs_plugin
@pytest.mark.django_db
def test_page_answers_404_while_switched_off_and_returns(client, staff, page_url):
    client.force_login(staff)
    switch(False)
    assert client.get(page_url).status_code == 404
    switch(True)
    assert client.get(page_url).status_code == 200


@needs_plugin
@pytest.mark.django_db
def test_menu_entry_only_while_enabled_and_only_for_staff(client, staff, buyer, page_url):
    client.force_login(staff)
    link = f'href="{page_url}"'
    with translation.override("en"):
        dashboard = reverse("dashboard:index")
    assert link in client.get(dashboard).content.decode()
    switch(False)
    assert link not in client.get(dashboard).content.decode()
    assert f"{LABEL}_dashboard:index" not in entry_urls(staff)
    switch(True)
    assert f"{LABEL}_dashboard:index" in entry_urls(staff)
    assert f"{LABEL}_dashboard:index" not in entry_urls(buyer)


def entry_urls(user) -> list[str]:
    return [entry["url_name"] for entry in manager.collect("shop_dashboard_navigation", user=user)]


@pytest.fixture
def chinese_catalog(settings):
    """The catalogue compiled (as ``make messages`` does) and Django's translation caches reset."""
    compiled = CATALOG.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < CATALOG.stat().st_mtime:
        with CATALOG.open("rb") as f:
            catalog = read_po(f)
        fd, tmp = tempfile.mkstemp(dir=compiled.parent, suffix=".mo")
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog)
        os.replace(tmp, compiled)
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)  # setting_changed clears the loaded catalogues


@needs_plugin
@pytest.mark.django_db
def test_dashboard_page_in_chinese(client, staff, chinese_catalog):
    client.force_login(staff)
    with translation.override("zh-hans"):
        url = reverse(f"{LABEL}_dashboard:index")
    assert url.startswith("/zh-hans/")
    html = client.get(url).content.decode()
    assert NAME_ZH in html
    assert "关于此插件" in html
    assert '<dt class="col-sm-3">状态</dt>' in html and "已启用" in html
