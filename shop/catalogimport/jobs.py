"""Dashboard imports as jobs: stored upload, a Celery task that runs it, progress the page can poll.

Progress goes to the cache, not the database: the import runs in one
transaction, and rows written inside it are invisible to the polling request
until the commit.
"""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import MAX_STORED_ERRORS, ColumnMapping, ImportJob
from .services import import_catalog

logger = logging.getLogger(__name__)

PROGRESS_TIMEOUT = 24 * 3600
#: Where each phase of a run sits on the progress bar, in percent.
PHASE_SPANS = {"checking": (0, 45), "importing": (45, 90), "indexing": (90, 100)}


def progress_key(job_id: int) -> str:
    return f"catalogimport:job:{job_id}:progress"


def read_progress(job_id: int) -> dict:
    return cache.get(progress_key(job_id)) or {}


def queue_job(
    *,
    data: bytes,
    kind: str,
    file_name: str,
    supplier,
    mapping: ColumnMapping | None,
    dry_run: bool,
    partial: bool,
    user,
    language: str,
) -> ImportJob:
    """Store an upload (already checked by content) and hand it to the Celery task."""
    job = ImportJob(
        file_name=file_name[:255],
        file_size=len(data),
        partner=supplier,
        mapping=mapping,
        dry_run=dry_run,
        partial=partial,
        language=language,
        created_by=user if getattr(user, "pk", None) else None,
    )
    job.file.save(f"upload.{kind}", ContentFile(data), save=False)
    job.save()
    _enqueue(job)
    return job


def queue_rerun(job: ImportJob, *, dry_run: bool, partial: bool, user, language: str) -> ImportJob:
    """A new job on the stored file of an earlier one (typically: the real run after a clean dry run)."""
    rerun = ImportJob.objects.create(
        file=job.file.name,
        file_name=job.file_name,
        file_size=job.file_size,
        partner=job.partner,
        mapping=job.mapping,
        dry_run=dry_run,
        partial=partial,
        language=language,
        created_by=user if getattr(user, "pk", None) else None,
    )
    _enqueue(rerun)
    return rerun


def _enqueue(job: ImportJob) -> None:
    from .tasks import run_import_job

    transaction.on_commit(lambda: run_import_job.delay(job.pk))


def run_job(job_id: int) -> ImportJob:
    """Run a queued job once (a redelivered task finds it claimed and does nothing)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING, date_started=timezone.now()
    )
    job = ImportJob.objects.select_related("partner", "mapping", "created_by").get(pk=job_id)
    if not claimed:
        return job
    with translation.override(job.language):
        try:
            _run(job)
        except Exception:
            logger.exception("catalog import job %s failed", job.pk)
            job.status = ImportJob.Status.FAILED
            job.message = _("The import stopped on an internal error; nothing was saved. The server log has details.")
        job.date_finished = timezone.now()
        job.save()
    cache.delete(progress_key(job.pk))
    return job


def _run(job: ImportJob) -> None:
    if job.partner is None:
        job.status = ImportJob.Status.REJECTED
        job.message = _("The supplier of this import no longer exists; nothing was imported.")
        return

    def progress(phase: str, done: int, total: int | None) -> None:
        cache.set(progress_key(job.pk), {"phase": phase, "done": done, "total": total}, PROGRESS_TIMEOUT)

    with job.file.open("rb") as source:
        result = import_catalog(
            source,
            supplier=job.partner,
            mapping=job.mapping.columns if job.mapping else None,
            dry_run=job.dry_run,
            partial=job.partial,
            actor=job.created_by or _("dashboard"),
            file_name=job.file_name,
            progress=progress,
        )
    rejected = result.file_error or (result.rejected and not job.dry_run)
    job.status = ImportJob.Status.REJECTED if rejected else ImportJob.Status.FINISHED
    job.rows_total = result.rows_total
    job.created, job.updated, job.unchanged, job.failed = (
        result.created,
        result.updated,
        result.unchanged,
        result.failed,
    )
    job.errors = [error.as_dict() for error in result.errors[:MAX_STORED_ERRORS]]
    job.errors_total = len(result.errors)
    job.warnings = result.warnings
    job.message = result.summary()


def job_status(job: ImportJob) -> dict:
    """The small JSON document the job page polls."""
    progress = {} if job.is_done else read_progress(job.pk)
    done, total = progress.get("done", 0), progress.get("total")
    phase = progress.get("phase", "")
    share = min(done, total) / total if total else 0
    if job.is_done:
        percent = 100
    elif phase in PHASE_SPANS:
        low, high = PHASE_SPANS[phase]
        percent = low + int((high - low) * share)
    else:
        percent = 0
    return {
        "id": job.pk,
        "status": job.status,
        "status_display": str(job.get_status_display()),
        "done": job.is_done,
        "phase": phase,
        "processed": done,
        "total": total,
        "percent": percent,
        "rows": job.rows_total,
        "created": job.created,
        "updated": job.updated,
        "unchanged": job.unchanged,
        "failed": job.failed,
        "errors_total": job.errors_total,
        "message": job.message,
    }
