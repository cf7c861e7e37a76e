"""Reading the database for the search index in bulk: full rebuilds, catch-up and drift repair.

Objects are read in primary-key batches (keyset pagination, no OFFSET scans). An index with a
``bulk_preparer()`` (the shop's ``ProductIndex``) prepares each batch of primary keys in a fixed number
of ``values()`` queries without model instances; other indexes get their related rows prefetched, so
preparing a batch costs a handful of queries instead of several per product.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from shop.searchengine.schema import IndexDocument, parse_datetime

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 500


def _oscar_product_index():
    from oscar.apps.search.search_indexes import ProductIndex

    return ProductIndex


def _is_oscar_product(model) -> bool:
    return model._meta.app_label == "catalogue" and model._meta.model_name == "product"


def bulk_queryset(index, using: str | None = None) -> QuerySet:
    """``index.index_queryset()`` with what preparing its objects reads prefetched.

    An index can say what it reads with a ``prefetch_for_indexing(queryset)`` method (the shop's
    ``ProductIndex`` does); otherwise Oscar's product index gets its relations prefetched here.
    """
    queryset = index.index_queryset(using=using)
    prefetch = getattr(index, "prefetch_for_indexing", None)
    if prefetch is not None:
        return prefetch(queryset)
    model = index.get_model()
    if _is_oscar_product(model):
        from oscar.core.loading import get_model

        category = get_model("catalogue", "Category")
        queryset = queryset.select_related("product_class", "parent__product_class").prefetch_related(
            Prefetch("stockrecords"),
            Prefetch("categories", queryset=category.objects.browsable(), to_attr="_prefetched_browsable_categories"),
        )
    return queryset


def batch_preparer(index):
    """An index instance whose preparation reads the prefetched rows of ``bulk_queryset``.

    Oscar's ``ProductIndex.prepare_category`` calls ``values_list`` on the categories, one query per
    product even when prefetched. When (and only when) that method is Oscar's own, this subclass reads
    the prefetched list instead and produces the same value. A project index that overrides it is used
    as it is.
    """
    product_index = _oscar_product_index()
    cls = type(index)
    if not _is_oscar_product(index.get_model()) or cls.prepare_category is not product_index.prepare_category:
        return index

    class BatchPreparedIndex(cls):
        def prepare_category(self, obj):
            categories = obj.get_categories()
            if isinstance(categories, list):
                return [c.pk for c in categories]
            return super().prepare_category(obj)

    BatchPreparedIndex.__name__ = f"Batch{cls.__name__}"
    return BatchPreparedIndex()


def _keyset_batches(ordered: QuerySet, batch_size: int, key) -> Iterator[list]:
    last: Any = None
    while True:
        page = ordered if last is None else ordered.filter(pk__gt=last)
        batch = list(page[:batch_size])
        if not batch:
            return
        yield batch
        last = key(batch[-1])


def iter_object_batches(queryset: QuerySet, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[list]:
    """Objects of ``queryset`` in ascending primary-key batches (keyset pagination: no OFFSET scans)."""
    return _keyset_batches(queryset.order_by("pk"), batch_size, lambda obj: obj.pk)


def document_batches(
    backend,
    index,
    batch_size: int = DEFAULT_BATCH_SIZE,
    since: datetime.datetime | None = None,
    pks: Iterable | None = None,
) -> Iterator[list[IndexDocument]]:
    """Prepared documents for the index's objects (optionally only those updated since / with pks)."""
    make_bulk = getattr(index, "bulk_preparer", None)
    if make_bulk is not None:
        queryset = index.index_queryset(using=backend.connection_alias)
    else:
        queryset = bulk_queryset(index, backend.connection_alias)
    updated_field = index.get_updated_field()
    if since is not None and updated_field:
        queryset = queryset.filter(**{f"{updated_field}__gte": since})
    if pks is not None:
        queryset = queryset.filter(pk__in=list(pks))
    if make_bulk is not None:
        bulk = make_bulk()
        for batch in iter_pk_batches(queryset, batch_size):
            yield bulk_documents(backend, index, bulk, batch)
        return
    preparer = batch_preparer(index)
    for objects in iter_object_batches(queryset, batch_size):
        yield backend.prepare_documents(preparer, objects)


def bulk_documents(backend, index, bulk, pks: list) -> list[IndexDocument]:
    """Documents for ``pks`` from the index's bulk preparer; per object (slower, same result) if it fails."""
    try:
        return backend.documents_from_prepared(bulk.prepare(pks))
    except Exception:
        logger.exception("search: bulk preparation failed for %d objects; preparing them one by one", len(pks))
        objects = list(bulk_queryset(index, backend.connection_alias).filter(pk__in=pks).order_by("pk"))
        return backend.prepare_documents(batch_preparer(index), objects)


def iter_pk_batches(queryset: QuerySet, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[list]:
    """Primary keys of ``queryset`` in ascending batches."""
    return _keyset_batches(queryset.order_by("pk").values_list("pk", flat=True), batch_size, lambda pk: pk)


def count_objects(index, using: str | None = None) -> int:
    return index.index_queryset(using=using).count()


@dataclass
class Drift:
    """Differences between the database and the index for one model."""

    model_label: str
    missing: list = field(default_factory=list)  # pks in the database, not in the index
    stale: list = field(default_factory=list)  # pks updated in the database after they were indexed
    extra: list[str] = field(default_factory=list)  # document ids in the index, not in the database

    @property
    def total(self) -> int:
        return len(self.missing) + len(self.stale) + len(self.extra)


def _as_datetime(value: Any) -> datetime.datetime | None:
    if value in (None, ""):
        return None
    try:
        return parse_datetime(value)
    except (TypeError, ValueError):
        return None


def find_drift(backend, index) -> Drift:
    model = index.get_model()
    updated_field = index.get_updated_field()
    queryset = index.index_queryset(using=backend.connection_alias)
    if updated_field:
        in_database = {str(pk): updated for pk, updated in queryset.values_list("pk", updated_field)}
    else:
        in_database = dict.fromkeys((str(pk) for pk in queryset.values_list("pk", flat=True)), None)
    in_index = backend.indexed_versions(model, updated_field)
    drift = Drift(model._meta.label)
    for pk, updated in in_database.items():
        if pk not in in_index:
            drift.missing.append(pk)
            continue
        indexed = _as_datetime(in_index[pk])
        if updated is not None and (indexed is None or _as_datetime(updated) > indexed):
            drift.stale.append(pk)
    drift.extra = [f"{model._meta.app_label}.{model._meta.model_name}.{pk}" for pk in in_index if pk not in in_database]
    return drift


def repair_drift(backend, index, drift: Drift, batch_size: int = DEFAULT_BATCH_SIZE) -> int:
    """Index missing and stale objects, remove extra documents; returns how many documents changed."""
    changed = 0
    todo = drift.missing + drift.stale
    for start in range(0, len(todo), batch_size):
        for documents in document_batches(backend, index, batch_size, pks=todo[start : start + batch_size]):
            backend.write_documents(documents)
            changed += len(documents)
    if drift.extra:
        backend.remove_ids(drift.extra)
        changed += len(drift.extra)
    return changed
