"""Import jobs outside the pages: the Celery task, redelivery, and an internal error."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from shop.catalogimport.models import ImportJob
from shop.catalogimport.tasks import run_import_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(supplier):
    job = ImportJob(file_name="pens.csv", partner=supplier, language="en")
    job.file.save("pens.csv", ContentFile(b"sku,title_en,price\nP-1,Gel pen,1.50\n"), save=False)
    job.save()
    return job


def test_the_task_runs_a_queued_job_once(job, search_updates):
    assert run_import_job.delay(job.pk).get() == "finished"
    job.refresh_from_db()
    assert (job.created, job.date_started is not None, job.date_finished is not None) == (1, True, True)

    assert run_import_job.delay(job.pk).get() == "finished"  # a redelivered task finds it done
    job.refresh_from_db()
    assert job.created == 1


def test_an_internal_error_fails_the_job_and_saves_nothing(job, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("shop.catalogimport.jobs.import_catalog", broken)

    assert run_import_job.delay(job.pk).get() == "failed"
    job.refresh_from_db()
    assert "internal error" in job.message and job.created == 0


def test_a_job_whose_supplier_was_deleted_is_rejected(job):
    job.partner.delete()

    assert run_import_job.delay(job.pk).get() == "rejected"
