"""``manage.py search_drift [--fix] [--check]``: compare the database with the search index.

Reports, per indexed model, objects missing from the index, objects updated after they were indexed
(stale) and documents whose object no longer exists or is no longer indexable (extra). ``--fix``
indexes the first two and removes the third; ``--check`` exits with status 1 when drift remains
(for monitoring).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from haystack import connections
from haystack.constants import DEFAULT_ALIAS
from haystack.exceptions import SearchBackendError

from shop.searchengine.indexing import find_drift, repair_drift

SHOWN = 10


class Command(BaseCommand):
    help = "Report (and with --fix repair) differences between the database and the search index."

    def add_arguments(self, parser):
        parser.add_argument("--using", default=DEFAULT_ALIAS, help="haystack connection (default: %(default)s)")
        parser.add_argument("--fix", action="store_true", help="index missing/stale objects, remove extra documents")
        parser.add_argument("--check", action="store_true", help="exit with status 1 if drift remains")

    def handle(self, *args, using: str, fix: bool, check: bool, **options):
        backend = connections[using].get_backend()
        if not hasattr(backend, "indexed_versions"):
            raise CommandError(f"the {using!r} search backend cannot list its documents")
        remaining = 0
        try:
            for index in connections[using].get_unified_index().get_indexes().values():
                drift = find_drift(backend, index)
                self.report(drift)
                if fix and drift.total:
                    changed = repair_drift(backend, index, drift)
                    self.stdout.write(f"  fixed: {changed} documents written or removed")
                elif drift.total:
                    remaining += drift.total
        except SearchBackendError as exc:
            raise CommandError(str(exc)) from exc
        if check and remaining:
            raise CommandError(f"search index drift: {remaining} documents differ from the database")

    def report(self, drift) -> None:
        self.stdout.write(
            f"{drift.model_label}: {len(drift.missing)} missing, {len(drift.stale)} stale, {len(drift.extra)} extra"
        )
        for label, items in (("missing", drift.missing), ("stale", drift.stale), ("extra", drift.extra)):
            if items:
                more = f" … and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
                self.stdout.write(f"  {label}: {', '.join(map(str, items[:SHOWN]))}{more}")
