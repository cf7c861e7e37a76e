"""``manage.py plugins list|enable NAME|disable NAME``."""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from shop.plugins import state
from shop.plugins.discovery import installed_plugins
from shop.plugins.models import PluginSwitch


class Command(BaseCommand):
    help = "List plugins, or switch an allowed plugin on or off at runtime (no restart needed)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="installed plugins, whether allowed here, and their switch")
        for action in ("enable", "disable"):
            p = sub.add_parser(action, help=f"{action} an allowed plugin")
            p.add_argument("name")
            p.add_argument("--by", default="", help="who is flipping the switch (recorded); default: $USER")

    def handle(self, *args, **options):
        if options["action"] == "list":
            return self.list_plugins()
        enable = options["action"] == "enable"
        import getpass

        actor = options["by"] or getpass.getuser()
        try:
            changed = state.set_enabled(options["name"], enable, source=PluginSwitch.Source.COMMAND, actor=actor)
        except state.UnknownPlugin as exc:
            raise CommandError(str(exc)) from None
        word = "enabled" if enable else "disabled"
        if changed:
            self.stdout.write(self.style.SUCCESS(f"{options['name']} {word}; every process sees it within seconds."))
        else:
            self.stdout.write(f"{options['name']} was already {word}.")

    def list_plugins(self):
        installed = installed_plugins()
        states = state.states()
        rows = [("NAME", "VERSION", "ALLOWED", "ENABLED", "DESCRIPTION")]
        for label, found in installed.items():
            cls = found.config_class
            allowed = label in states
            enabled = "yes" if states.get(label) else ("no" if allowed else "-")
            description = str(apps.get_app_config(label).plugin_description) if allowed else str(cls.plugin_description)
            rows.append((label, cls.plugin_version, "yes" if allowed else "no", enabled, description))
        widths = [max(len(str(r[i])) for r in rows) for i in range(4)]
        for row in rows:
            head = "  ".join(str(v).ljust(widths[i]) for i, v in enumerate(row[:4]))
            self.stdout.write(f"{head}  {row[4]}")
