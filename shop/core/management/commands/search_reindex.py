"""``manage.py search_reindex``: rebuild the search index with no downtime.

Every search index's objects are read from the database in batches, written into a *new* index (a new
build directory for the embedded engine, a new Elasticsearch index behind the alias) and swapped in
atomically; searches keep using the old index until then. Changes made while the rebuild ran are caught
up afterwards (the drift check of ``search_drift``).
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from haystack import connections
from haystack.constants import DEFAULT_ALIAS
from haystack.exceptions import SearchBackendError
from tqdm import tqdm

from shop.searchengine import analysis, pinyin
from shop.searchengine.indexing import DEFAULT_BATCH_SIZE, count_objects, document_batches, find_drift, repair_drift


class Command(BaseCommand):
    help = "Rebuild the search index into a new index and swap it in (searches never see a half-built index)."

    def add_arguments(self, parser):
        parser.add_argument("--using", default=DEFAULT_ALIAS, help="haystack connection (default: %(default)s)")
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="objects per database read")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar (e.g. in cron logs)")

    def handle(self, *args, using: str, batch_size: int, no_progress: bool, **options):
        backend = connections[using].get_backend()
        if not hasattr(backend, "rebuild"):
            raise CommandError(f"the {using!r} search backend cannot rebuild atomically; use rebuild_index")
        indexes = list(connections[using].get_unified_index().get_indexes().values())
        total = sum(count_objects(index, using) for index in indexes)
        progress = tqdm(total=total, unit="doc", disable=no_progress or None, file=sys.stderr, dynamic_ncols=True)

        def batches():
            for index in indexes:
                for batch in document_batches(backend, index, batch_size=max(batch_size, 1)):
                    progress.update(len(batch))
                    yield batch

        analysis.jieba_tokenizer()  # dictionaries loaded once (≈2 s together), not inside the first batch
        pinyin.warm_up()
        started = time.perf_counter()
        try:
            with progress:
                written = backend.rebuild(batches())
            elapsed = time.perf_counter() - started
            caught_up = 0
            for index in indexes:
                drift = find_drift(backend, index)
                if drift.total:
                    caught_up += repair_drift(backend, index, drift, batch_size=max(batch_size, 1))
        except SearchBackendError as exc:
            raise CommandError(str(exc)) from exc

        rate = written / elapsed if elapsed > 0 else float(written)
        status = backend.status()
        where = status.get("build") or status.get("index") or status.get("path")
        self.stdout.write(f"Indexed {written} documents in {elapsed:.1f}s ({rate:,.0f} docs/s); now serving {where}.")
        if caught_up:
            self.stdout.write(f"Caught up {caught_up} changes made while the rebuild ran.")
