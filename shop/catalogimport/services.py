"""Importing a catalog file for one supplier: check every row, then upsert by SKU.

The run in order:

1. read the file (``readers``) and decide what each column fills (``columns``);
2. parse every row without the database (``rows``), find SKUs/UPCs used twice;
3. in one transaction, chunk by chunk: read what is stored for the chunk in a
   few queries, check each row against it, then (unless a row failed and the
   run is all-or-nothing) write the good rows with bulk queries (``upsert``);
4. keep the transaction only for a real run that is partial or error-free;
   a dry run always rolls back, so it reports exactly what a real run would do.

After the commit, the touched products go to the search index in the background: one
``index_imported_products`` Celery task per ``INDEX_TASK_SIZE`` products (inline without a broker),
each running ``after_import``.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.checks import use_productcategory_materialised_view
from oscar.core.loading import get_model

from shop.core import audit

from .columns import ColumnPlan, plan_columns
from .readers import ImportFileError, read_table
from .references import CatalogReferences
from .results import ImportResult
from .rows import ProductRow, RowParser, duplicate_errors
from .upsert import CREATED, UNCHANGED, UPDATED, ChunkImporter

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

CHUNK_SIZE = 500
INDEX_BATCH_SIZE = 500
INDEX_TASK_SIZE = 5000

#: ``progress(phase, done, total)``; phase is "checking" (reading rows), "importing" (writing them)
#: or "indexing" (handing the products to the search index update after the commit).
ProgressCallback = Callable[[str, int, int | None], None]


def _no_progress(phase: str, done: int, total: int | None) -> None:
    return None


def _chunks(rows: list[ProductRow]) -> Iterator[list[ProductRow]]:
    size = CHUNK_SIZE
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def import_catalog(
    source: BinaryIO | bytes,
    *,
    supplier: Partner,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    partial: bool = False,
    actor: object = None,
    file_name: str = "",
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Import (or with ``dry_run`` only check) a CSV/XLSX catalog file for ``supplier``.

    All-or-nothing by default: one bad row and nothing is saved. With
    ``partial`` the good rows are saved and the bad ones reported. ``actor``
    (a user, or a text like "manage.py") is written to the audit log.
    """
    run = _ImportRun(supplier, mapping, dry_run, partial, progress or _no_progress)
    return run.execute(source, actor, file_name)


class _ImportRun:
    def __init__(self, supplier, mapping, dry_run: bool, partial: bool, progress: ProgressCallback) -> None:
        self.supplier = supplier
        self.mapping = mapping
        self.progress = progress
        self.result = ImportResult(dry_run=dry_run, partial=partial)
        self.counts: Counter[str] = Counter()

    def execute(self, source: BinaryIO | bytes, actor: object, file_name: str) -> ImportResult:
        result = self.result
        started = time.monotonic()
        try:
            rows, plan = self._parse(source)
        except ImportFileError as exc:
            result.file_error = str(exc)
            result.errors = []
            result.seconds = time.monotonic() - started
            return result
        with transaction.atomic():
            Partner.objects.select_for_update().filter(pk=self.supplier.pk).first()  # one import per supplier
            self._upsert(rows, plan)
            keep = not result.dry_run and not result.rejected
            if keep:
                self._after_writing(actor, file_name)
            else:
                transaction.set_rollback(True)
        result.committed = keep
        if result.dry_run or not result.rejected:
            result.created, result.updated = self.counts[CREATED], self.counts[UPDATED]
            result.unchanged = self.counts[UNCHANGED]
        if not keep:
            result.product_ids = []
        result.errors.sort(key=lambda e: (e.row or 0, e.column))
        result.seconds = time.monotonic() - started - result.index_seconds
        return result

    def _parse(self, source: BinaryIO | bytes) -> tuple[list[ProductRow], ColumnPlan]:
        """Every row parsed without the database; raises ImportFileError for a file that cannot be imported."""
        result = self.result
        table = read_table(source)
        plan = plan_columns(table.headers, self.mapping)
        result.file_kind, result.encoding, result.delimiter = table.kind, table.encoding, table.delimiter
        result.warnings = [*table.notes, *plan.warnings]
        parser = RowParser(plan, decimal_comma=table.delimiter != ",")
        rows: list[ProductRow] = []
        seen = 0
        for number, cells in table.rows:
            row, errors = parser.parse(number, cells)
            if row is not None:
                rows.append(row)
            result.errors.extend(errors)
            seen += 1
            if seen % 250 == 0:
                self.progress("checking", seen, table.row_estimate)
        self.progress("checking", seen, seen)
        result.rows_total = seen
        if not seen:
            raise ImportFileError(_("The file has a header row but no product rows."))
        duplicates = duplicate_errors(rows, plan)
        result.errors.extend(duplicates)
        twice = {e.row for e in duplicates}
        return [r for r in rows if r.number not in twice], plan

    def _upsert(self, rows: list[ProductRow], plan: ColumnPlan) -> None:
        result = self.result
        importer = ChunkImporter(self.supplier, CatalogReferences(), plan)
        done = 0
        for chunk in _chunks(rows):
            state = importer.load(chunk)
            good: list[ProductRow] = []
            for row in chunk:
                evaluation = importer.evaluate(row, state, create=False)
                if evaluation.errors:
                    result.errors.extend(evaluation.errors)
                    continue
                self.counts[importer.classify(evaluation, state)] += 1
                good.append(row)
            if good and (result.partial or not result.errors):
                with translation.override(settings.LANGUAGE_CODE):  # slugs and fallbacks as a save() makes them
                    evaluations = [importer.evaluate(row, state, create=True) for row in good]
                    result.product_ids.extend(importer.write(evaluations, state))
            done += len(chunk)
            self.progress("importing", done, len(rows))

    def _after_writing(self, actor: object, file_name: str) -> None:
        result = self.result
        if result.product_ids and use_productcategory_materialised_view():
            with connection.cursor() as cursor:
                cursor.execute("REFRESH MATERIALIZED VIEW catalogue_product_category_hierarchy;")
        if actor is not None:
            audit.record(
                actor,
                "catalogimport.import",
                self.supplier,
                data={
                    "file": file_name,
                    "partial": result.partial,
                    "rows": result.rows_total,
                    "created": self.counts[CREATED],
                    "updated": self.counts[UPDATED],
                    "unchanged": self.counts[UNCHANGED],
                    "failed": result.failed,
                },
            )
        ids = list(result.product_ids)
        transaction.on_commit(lambda: self._index(ids))

    def _index(self, product_ids: list[int]) -> None:
        started = time.monotonic()
        self.progress("indexing", 0, len(product_ids))
        self.result.indexed = schedule_index_update(product_ids)
        self.progress("indexing", len(product_ids), len(product_ids))
        self.result.index_seconds = time.monotonic() - started


def schedule_index_update(product_ids: Iterable[int]) -> int:
    """Queue the search index update of ``product_ids`` (Celery; inline without a broker).

    Returns how many products were queued. A broker that cannot be reached is logged, never raised:
    the import is committed already, and the search engine's sweeper indexes what was missed.
    """
    from .tasks import index_imported_products

    ids = sorted({int(pk) for pk in product_ids})
    queued = 0
    for start in range(0, len(ids), INDEX_TASK_SIZE):
        chunk = ids[start : start + INDEX_TASK_SIZE]
        try:
            index_imported_products.delay(chunk)
        except Exception:
            logger.exception(
                "cannot queue the search index update after a catalog import", extra={"products": chunk[:20]}
            )
            continue
        queued += len(chunk)
    return queued


def after_import(product_ids: Iterable[int]) -> int:
    """Update the search index for imported products, in batches, on every haystack connection.

    The project's engines get the bulk path (documents prepared for a whole batch in a fixed number of
    queries, products no longer browsable removed); other haystack engines get ``backend.update``.
    Returns how many products were indexed; an index failure is logged, never raised: the import
    itself is saved, and the search engine's own sweeper repairs what is missed.
    """
    ids = sorted(set(product_ids))
    if not ids or not apps.is_installed("haystack") or not getattr(settings, "HAYSTACK_CONNECTIONS", None):
        return 0
    from haystack import connection_router, connections
    from haystack.exceptions import NotHandled

    sent = 0
    for alias in connection_router.for_write(models=[Product]):
        try:
            index = connections[alias].get_unified_index().get_index(Product)
        except NotHandled:
            continue
        backend = connections[alias].get_backend()
        for start in range(0, len(ids), INDEX_BATCH_SIZE):
            batch = ids[start : start + INDEX_BATCH_SIZE]
            try:
                if hasattr(backend, "write_documents"):
                    from shop.apps.search.tasks import update_products

                    sent += update_products(batch, using=alias)["written"]
                    continue
                products = [p for p in index.read_queryset(using=alias).filter(pk__in=batch) if index.should_update(p)]
                if products:
                    backend.update(index, products)
                    sent += len(products)
            except Exception:
                logger.exception("search index update after a catalog import failed", extra={"products": batch[:20]})
    return sent
