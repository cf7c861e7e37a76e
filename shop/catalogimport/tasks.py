"""Background work of the catalog import (inline when no broker is configured)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def run_import_job(job_id: int) -> str:
    """Run one dashboard import job; returns its final status."""
    from .jobs import run_job

    return run_job(job_id).status


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=10, retry_kwargs={"max_retries": 5})
def index_imported_products(product_ids: list[int]) -> int:
    """Bring the search index up to date for products an import wrote; returns how many were indexed."""
    from .services import after_import

    return after_import(product_ids)
