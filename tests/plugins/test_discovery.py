"""Discovery by entry point, the SHOP_PLUGINS allow-list and compatibility checks."""

from __future__ import annotations

import pytest
from django.conf import settings

from shop.config import SettingError
from shop.plugins.base import PluginConfig
from shop.plugins.discovery import (
    DiscoveredPlugin,
    check_compatibility,
    installed_plugins,
    parse_allow_list,
)

SHIPPED = {"b2b_pricing", "suppliers", "logistics", "promotions"}


def test_installed_plugins_are_discovered_by_entry_point():
    installed = installed_plugins()
    assert SHIPPED | {"dummy"} <= set(installed)
    for label in SHIPPED:
        cls = installed[label].config_class
        assert issubclass(cls, PluginConfig)
        assert cls.plugin_version and cls.plugin_description and cls.core_versions


def test_all_allows_every_installed_plugin_but_test_only_ones():
    installed = installed_plugins()
    allowed = parse_allow_list("all", installed)
    assert SHIPPED <= set(allowed)
    assert "dummy" not in allowed  # testing_only: only when named


def test_comma_list_and_none():
    installed = installed_plugins()
    assert parse_allow_list(" suppliers , dummy ", installed) == ["suppliers", "dummy"]
    assert parse_allow_list("none", installed) == []
    assert parse_allow_list("", installed) == []


@pytest.mark.parametrize("raw", ["nope", "suppliers,nope"])
def test_unknown_plugin_is_a_one_line_error_naming_the_setting(raw):
    with pytest.raises(SettingError) as exc:
        parse_allow_list(raw, installed_plugins())
    message = str(exc.value)
    assert message.startswith("SHOP_PLUGINS: unknown plugin(s) nope")
    assert "installed:" in message and "\n" not in message


def test_malformed_allow_list():
    with pytest.raises(SettingError, match="SHOP_PLUGINS: expected 'all', 'none' or a comma list"):
        parse_allow_list("suppliers,,logistics", installed_plugins())


def _fake(label: str, **attrs) -> DiscoveredPlugin:
    cls = type(f"{label}Config", (PluginConfig,), {"name": f"fake_{label}", "label": label, **attrs})
    return DiscoveredPlugin(label, f"fake_{label}.apps.Config", cls, "fake")


def test_incompatible_core_version_is_refused_with_a_clear_message():
    plugins = {"future": _fake("future", core_versions=">=9.0", plugin_version="3.1")}
    with pytest.raises(SettingError) as exc:
        check_compatibility(["future"], plugins, "0.1.0")
    assert str(exc.value) == "plugin future 3.1 supports core >=9.0, but this core is 0.1.0"


def test_missing_dependency_is_refused():
    plugins = {"child": _fake("child", depends_on=("parent",)), "parent": _fake("parent")}
    with pytest.raises(SettingError, match="plugin child depends on parent, which is not in SHOP_PLUGINS"):
        check_compatibility(["child"], plugins, "0.1.0")
    with pytest.raises(SettingError, match="plugin child depends on ghost, which is not installed"):
        check_compatibility(["child"], {"child": _fake("child", depends_on=("ghost",))}, "0.1.0")
    check_compatibility(["child", "parent"], plugins, "0.1.0")  # satisfied: no error


def test_invalid_version_specifier():
    with pytest.raises(SettingError, match="not a valid version specifier"):
        check_compatibility(["odd"], {"odd": _fake("odd", core_versions="banana")}, "0.1.0")


def test_allowed_plugins_join_installed_apps():
    assert "dummy" in settings.SHOP_ALLOWED_PLUGINS
    assert "shop_dummy_plugin.apps.DummyPluginConfig" in settings.INSTALLED_APPS or any(
        app.startswith("shop_dummy_plugin") for app in settings.INSTALLED_APPS
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"SHOP_PLUGINS": "nope"}, "Configuration error: SHOP_PLUGINS: unknown plugin(s) nope"),
        ({"DATABASE_URL": "mysql://x@y/z"}, "Configuration error: DATABASE_URL: expected postgres://"),
        ({"REDIS_URL": "http://localhost"}, "Configuration error: REDIS_URL: expected redis://"),
        ({"REDIS_URL": "redis://localhost:abc/0"}, "Configuration error: REDIS_URL: the port"),
        ({"SHOP_THEME": "neon"}, "Configuration error: SHOP_THEME: no theme folder themes/neon/templates"),
        ({"SHOP_ENV": "production", "SECRET_KEY": ""}, "Configuration error: SECRET_KEY: required"),
    ],
)
def test_start_up_refuses_bad_settings_with_one_line(run_manage, env, expected):
    import os

    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = run_manage("check", env={**base, **env})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected)
