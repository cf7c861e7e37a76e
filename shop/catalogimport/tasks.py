"""Background work of the catalog import (inline when no broker is configured)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def run_import_job(job_id: int) -> str:
    """Run one dashboard import job; returns its final status."""
    from .jobs import run_job

    return run_job(job_id).status
