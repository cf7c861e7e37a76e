"""Search index upkeep: products re-indexed after commit, and a periodic sweep for anything missed."""

from __future__ import annotations

import logging

from celery import shared_task
from haystack import connections
from haystack.constants import DEFAULT_ALIAS
from oscar.core.loading import get_model

from shop.searchengine.indexing import document_batches, find_drift, repair_drift

logger = logging.getLogger(__name__)

SWEEP_SECONDS = 10 * 60


def product_index(using: str = DEFAULT_ALIAS):
    return connections[using].get_unified_index().get_index(get_model("catalogue", "Product"))


@shared_task(autoretry_for=(OSError,), retry_backoff=10, retry_kwargs={"max_retries": 5})
def update_products(product_ids: list[int], using: str = DEFAULT_ALIAS) -> dict:
    """Index the given products as they are now; remove those deleted or no longer browsable."""
    backend = connections[using].get_backend()
    index = product_index(using)
    ids = sorted({int(pk) for pk in product_ids})
    written = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found: set[str] = set()
        for documents in document_batches(backend, index, pks=chunk):
            if documents:
                backend.write_documents(documents)
            written += len(documents)
            found.update(doc.source.get("django_id") for doc in documents)
        gone = [f"catalogue.product.{pk}" for pk in chunk if str(pk) not in found]
        if gone:
            backend.remove_ids(gone)
    return {"written": written, "requested": len(ids)}


@shared_task
def sweep_search_index(using: str = DEFAULT_ALIAS) -> dict:
    """Index products missing from the index or updated after they were indexed; drop extra documents."""
    backend = connections[using].get_backend()
    index = product_index(using)
    drift = find_drift(backend, index)
    changed = repair_drift(backend, index, drift) if drift.total else 0
    if changed:
        logger.info(
            "search sweep: %d missing, %d stale, %d extra", len(drift.missing), len(drift.stale), len(drift.extra)
        )
    return {"missing": len(drift.missing), "stale": len(drift.stale), "extra": len(drift.extra), "changed": changed}
