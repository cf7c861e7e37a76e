"""The AppConfig every plugin subclasses: who it is and what it needs.

Only metadata lives here, and nothing here imports models: plugin classes are
loaded while settings are being read, to decide INSTALLED_APPS.
"""

from __future__ import annotations

from django.apps import AppConfig


class PluginConfig(AppConfig):
    """Base for a plugin's AppConfig.

    Class attributes a plugin sets:

    * ``plugin_name`` – human name shown to operators (translatable string);
    * ``plugin_version`` – the plugin's own version;
    * ``plugin_description`` – one sentence for the operators' plugin page;
    * ``core_versions`` – PEP 440 specifier of the core versions it supports, e.g. ``">=0.1,<1.0"``;
    * ``depends_on`` – labels of plugins that must be allowed too;
    * ``hooks_module`` – dotted path of the module with ``@hookimpl`` functions (default ``<package>.hooks``);
    * ``urls_module`` – storefront URLs, mounted at ``/p/<label>/`` (optional);
    * ``dashboard_urls_module`` – staff URLs, mounted at ``/dashboard/p/<label>/`` (optional);
    * ``testing_only`` – skipped by ``SHOP_PLUGINS=all`` unless named explicitly;
    * ``beat_schedule`` – periodic Celery tasks, in ``CELERY_BEAT_SCHEDULE``'s format
      (``{"name": {"task": ..., "schedule": seconds | timedelta | crontab, ...}}``);
      every allowed plugin's entries join the deployment's beat schedule at start-up
      as ``"<label>:<name>"``. Beat runs them whether or not the plugin is switched
      on, so each task must return early while its plugin is disabled.
    """

    default_auto_field = "django.db.models.BigAutoField"

    plugin_name: str = ""
    plugin_version: str = "0.0.0"
    plugin_description: str = ""
    core_versions: str = ""
    depends_on: tuple[str, ...] = ()
    hooks_module: str | None = None
    urls_module: str | None = None
    dashboard_urls_module: str | None = None
    testing_only: bool = False
    beat_schedule: dict[str, dict] = {}  # noqa: RUF012 - read-only class metadata

    @classmethod
    def get_hooks_module(cls) -> str:
        return cls.hooks_module or f"{cls.name}.hooks"

    @property
    def display_name(self) -> str:
        return str(self.plugin_name or self.verbose_name)
