"""Shared checks every plugin's "frame" must pass: discovery, metadata, staff page, switch, menu, Chinese.

A plugin's test module subclasses :class:`PluginFrameChecks` and names itself::

    class TestLogisticsFrame(PluginFrameChecks):
        package = logistics
        config = LogisticsConfig
        distribution = "inkstone-plugin-logistics"
        name_en, name_zh = "Logistics", "物流"

Page tests skip (with the reason) when the plugin is not in ``SHOP_PLUGINS``;
discovery, metadata and catalogue checks always run. Needs pytest and pytest-django.
"""

from __future__ import annotations

import gettext
import os
import tempfile
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from packaging.specifiers import SpecifierSet

from shop.plugins import manager, state
from shop.plugins.base import PluginConfig
from shop.plugins.discovery import installed_plugins

FRAMEWORK_CATALOG = Path(__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


class PluginFrameChecks:
    package: ModuleType
    config: type[PluginConfig]
    distribution: str
    name_en: str
    name_zh: str

    # --- helpers -------------------------------------------------------------------------------

    @property
    def label(self) -> str:
        return self.config.label

    @property
    def catalog(self) -> Path:
        return Path(self.package.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"

    def require_plugin(self) -> None:
        if self.label not in settings.SHOP_ALLOWED_PLUGINS:
            pytest.skip(
                f"{self.label} is not in SHOP_PLUGINS ({settings.SHOP_PLUGINS!r}); "
                f"run with SHOP_PLUGINS={self.label} or all"
            )

    def switch(self, enabled: bool) -> None:
        state.set_enabled(self.label, enabled, source="command", actor="test")

    def entry_urls(self, user) -> list[str]:
        return [entry["url_name"] for entry in manager.collect("shop_dashboard_navigation", user=user)]

    # --- fixtures ------------------------------------------------------------------------------

    @pytest.fixture(autouse=True)
    def fresh_switches(self):
        state.invalidate()
        yield
        state.invalidate()

    @pytest.fixture
    def staff(self, django_user_model):
        return django_user_model.objects.create_user(
            username="operator", email="operator@example.com", password="a-long-pass-123", is_staff=True
        )

    @pytest.fixture
    def buyer(self, django_user_model):
        return django_user_model.objects.create_user(
            username="buyer", email="buyer@example.com", password="a-long-pass-123"
        )

    @pytest.fixture
    def page_url(self) -> str:
        self.require_plugin()
        with translation.override("en"):
            return reverse(f"{self.label}_dashboard:index")

    @pytest.fixture
    def chinese_catalog(self, settings):
        """The plugin's and the plugin framework's catalogues compiled (as ``make messages`` does), Django's
        translation caches reset. The framework's catalogue holds the overview page's shared strings."""
        for catalog in (self.catalog, FRAMEWORK_CATALOG):
            compiled = catalog.with_suffix(".mo")
            if not compiled.exists() or compiled.stat().st_mtime < catalog.stat().st_mtime:
                with catalog.open("rb") as f:
                    messages = read_po(f)
                fd, tmp = tempfile.mkstemp(dir=compiled.parent, suffix=".mo")
                with os.fdopen(fd, "wb") as out:
                    write_mo(out, messages)
                os.replace(tmp, compiled)
        gettext._translations.clear()  # Python keeps each .mo it read by path; read the fresh ones
        settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)  # setting_changed clears the loaded catalogues

    # --- checks --------------------------------------------------------------------------------

    def test_discovered_by_its_entry_point(self):
        found = installed_plugins()[self.label]
        assert found.config_class is self.config
        assert found.distribution == self.distribution
        assert found.config_path == f"{self.config.__module__}.{self.config.__name__}"

    def test_metadata_is_complete_and_fits_this_core(self):
        config = self.config
        assert issubclass(config, PluginConfig)
        assert config.label == self.label
        assert str(config.plugin_name) == self.name_en
        assert config.plugin_version == version(self.distribution) == self.package.__version__
        assert len(str(config.plugin_description)) > 20
        assert settings.SHOP_VERSION in SpecifierSet(config.core_versions)
        assert config.depends_on == ()
        assert not config.testing_only

    def test_chinese_catalog_is_complete(self):
        with self.catalog.open("rb") as f:
            catalog = read_po(f)
        messages = [m for m in catalog if m.id]
        assert messages
        assert [m.id for m in messages if not m.string] == []
        assert [m.id for m in messages if m.fuzzy] == []
        assert catalog[self.name_en].string == self.name_zh

    @pytest.mark.django_db
    def test_staff_see_the_dashboard_page(self, client, staff, page_url, django_assert_max_num_queries):
        client.force_login(staff)
        with django_assert_max_num_queries(25):
            response = client.get(page_url)
        assert response.status_code == 200
        assert response.templates[0].name == f"{self.label}/dashboard/index.html"
        assert "shop_plugins/dashboard/plugin_overview.html" in [t.name for t in response.templates]
        html = response.content.decode()
        config = self.config
        assert self.name_en in html
        assert f'id="plugin-version">{config.plugin_version}<' in html
        assert str(config.plugin_description) in html
        assert "Enabled" in html
        assert "<code>shop_dashboard_navigation</code>" in html

    @pytest.mark.django_db
    def test_others_are_sent_to_log_in(self, client, buyer, page_url):
        response = client.get(page_url)
        assert response.status_code == 302 and "/login/" in response["Location"]
        client.force_login(buyer)
        response = client.get(page_url)
        assert response.status_code in (302, 403)
        assert self.name_en.encode() not in response.content

    @pytest.mark.django_db
    def test_page_answers_404_while_switched_off_and_returns(self, client, staff, page_url):
        client.force_login(staff)
        self.switch(False)
        assert client.get(page_url).status_code == 404
        self.switch(True)
        assert client.get(page_url).status_code == 200

    @pytest.mark.django_db
    def test_menu_entry_only_while_enabled_and_only_for_staff(self, client, staff, buyer, page_url):
        client.force_login(staff)
        link = f'href="{page_url}"'
        with translation.override("en"):
            dashboard = reverse("dashboard:index")
        assert link in client.get(dashboard).content.decode()
        self.switch(False)
        assert link not in client.get(dashboard).content.decode()
        assert f"{self.label}_dashboard:index" not in self.entry_urls(staff)
        self.switch(True)
        assert f"{self.label}_dashboard:index" in self.entry_urls(staff)
        assert f"{self.label}_dashboard:index" not in self.entry_urls(buyer)

    @pytest.mark.django_db
    def test_dashboard_page_in_chinese(self, client, staff, chinese_catalog):
        self.require_plugin()
        client.force_login(staff)
        with translation.override("zh-hans"):
            url = reverse(f"{self.label}_dashboard:index")
        assert url.startswith("/zh-hans/")
        html = client.get(url).content.decode()
        assert self.name_zh in html
        assert "关于此插件" in html
        assert '<dt class="col-sm-3">状态</dt>' in html and "已启用" in html
