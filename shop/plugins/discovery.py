"""Finding installed plugins (entry points) and choosing the allowed ones.

``discover()`` is called from settings, so it raises
:class:`shop.config.SettingError` with one clear line for anything a deployment
got wrong: unknown names in ``SHOP_PLUGINS``, a plugin that needs another one,
a plugin that does not support this core version. ``beat_schedules()`` gathers
the allowed plugins' periodic tasks for ``CELERY_BEAT_SCHEDULE``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib.metadata import entry_points

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from shop.config import SettingError

ENTRY_POINT_GROUP = "shop.plugins"


@dataclass(frozen=True)
class DiscoveredPlugin:
    label: str
    config_path: str  # dotted path of the AppConfig class, as INSTALLED_APPS takes it
    config_class: type
    distribution: str

    @property
    def package(self) -> str:
        return self.config_class.name


def installed_plugins() -> dict[str, DiscoveredPlugin]:
    """All plugins installed in this environment, by label."""
    from .base import PluginConfig

    found: dict[str, DiscoveredPlugin] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        module_name, _, attr = ep.value.partition(":")
        try:
            cls = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise SettingError(f"plugin entry point {ep.name!r} ({ep.value}) cannot be loaded: {exc}") from None
        if not (isinstance(cls, type) and issubclass(cls, PluginConfig)):
            raise SettingError(f"plugin entry point {ep.name!r} ({ep.value}) is not a shop PluginConfig subclass")
        label = getattr(cls, "label", None) or cls.name.rpartition(".")[2]
        dist = ep.dist.name if ep.dist else "?"
        found[label] = DiscoveredPlugin(label, f"{module_name}.{attr}", cls, dist)
    return dict(sorted(found.items()))


def parse_allow_list(raw: str, installed: dict[str, DiscoveredPlugin]) -> list[str]:
    """Labels allowed by ``SHOP_PLUGINS`` (``all``, ``none``/empty, or a comma list)."""
    value = raw.strip()
    if value.lower() == "all":
        return [label for label, p in installed.items() if not p.config_class.testing_only]
    if value.lower() in {"", "none"}:
        return []
    names = [item.strip() for item in value.split(",")]
    if any(not n for n in names):
        raise SettingError(f"SHOP_PLUGINS: expected 'all', 'none' or a comma list of plugin names, got {raw!r}")
    unknown = [n for n in names if n not in installed]
    if unknown:
        known = ", ".join(installed) or "none installed"
        raise SettingError(f"SHOP_PLUGINS: unknown plugin(s) {', '.join(unknown)}; installed: {known}")
    return list(dict.fromkeys(names))


def check_compatibility(allowed: list[str], installed: dict[str, DiscoveredPlugin], core_version: str) -> None:
    """Refuse plugins that do not support this core or miss a dependency."""
    version = Version(core_version)
    for label in allowed:
        cls = installed[label].config_class
        if cls.core_versions:
            try:
                spec = SpecifierSet(cls.core_versions)
            except InvalidSpecifier:
                raise SettingError(
                    f"plugin {label}: core_versions {cls.core_versions!r} is not a valid version specifier"
                ) from None
            if version not in spec:
                raise SettingError(
                    f"plugin {label} {cls.plugin_version} supports core {cls.core_versions}, "
                    f"but this core is {core_version}"
                )
        missing = [dep for dep in cls.depends_on if dep not in allowed]
        if missing:
            where = "not installed" if any(d not in installed for d in missing) else "not in SHOP_PLUGINS"
            raise SettingError(f"plugin {label} depends on {', '.join(missing)}, which is {where}")


def allowed_plugins(raw: str, core_version: str) -> list[DiscoveredPlugin]:
    installed = installed_plugins()
    allowed = parse_allow_list(raw, installed)
    check_compatibility(allowed, installed, core_version)
    return [installed[label] for label in allowed]


def beat_schedules(plugins: list[DiscoveredPlugin]) -> dict[str, dict]:
    """The allowed plugins' ``beat_schedule`` entries, named ``"<label>:<name>"``, for ``CELERY_BEAT_SCHEDULE``."""
    schedule: dict[str, dict] = {}
    for plugin in plugins:
        entries = getattr(plugin.config_class, "beat_schedule", None) or {}
        if not isinstance(entries, dict):
            raise SettingError(f"plugin {plugin.label}: beat_schedule must be a dict of name -> entry")
        for name, entry in entries.items():
            if not isinstance(entry, dict) or not entry.get("task") or entry.get("schedule") is None:
                raise SettingError(
                    f"plugin {plugin.label}: beat_schedule[{name!r}] needs a 'task' name and a 'schedule'"
                )
            schedule[f"{plugin.label}:{name}"] = dict(entry)
    return schedule
