"""The staff upload page, its Celery job (eager here), the status JSON and the column mappings."""

from __future__ import annotations

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model

from shop.catalogimport.models import ColumnMapping, ImportJob

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")
UPLOAD = "/en/dashboard/catalog-import/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="operator", email="op@example.com", password="a-long-pass-123", is_staff=True
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def upload(staff_client, supplier, django_capture_on_commit_callbacks):
    """POST a file to the upload page; the (eager) Celery task runs when the request's work commits."""

    def post(name: str, data: bytes, mode: str = "dry_run", **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return staff_client.post(
                UPLOAD,
                {"file": SimpleUploadedFile(name, data), "supplier": supplier.pk, "mode": mode, **extra},
            )

    return post


def test_the_page_is_for_staff_only(client, django_user_model, supplier):
    buyer = django_user_model.objects.create_user(username="buyer", email="b@example.com", password="a-long-pass-1")

    assert client.get(UPLOAD).status_code == 302
    client.force_login(buyer)
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/login/" in response["Location"]
    posted = client.post(UPLOAD, {"file": SimpleUploadedFile("a.csv", b"sku,title_en\nA,B\n"), "supplier": supplier.pk})
    assert posted.status_code == 302 and not ImportJob.objects.exists()


def test_staff_see_the_form_the_columns_and_the_menu_entry(staff_client):
    response = staff_client.get(UPLOAD)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="import-form"' in page and "price_USD, price_EUR" in page
    assert f'href="{UPLOAD}"' in page  # the Platform menu entry


def test_a_dry_run_upload_reports_and_saves_nothing_then_the_real_run_imports(
    upload, staff_client, fixture_bytes, django_capture_on_commit_callbacks
):
    response = upload("binders.csv", fixture_bytes("supplier_utf8_bom.csv"))

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("catalogimport:job", args=[job.pk])
    assert (job.status, job.dry_run, job.created, job.failed) == ("finished", True, 3, 0)
    assert not StockRecord.objects.exists()
    page = staff_client.get(response["Location"]).content.decode()
    assert "Dry run of 3 rows" in page and 'id="job-rerun"' in page

    with django_capture_on_commit_callbacks(execute=True):
        rerun = staff_client.post(reverse("catalogimport:job-rerun", args=[job.pk]), {"mode": "all"})

    real = ImportJob.objects.exclude(pk=job.pk).get()
    assert rerun["Location"] == reverse("catalogimport:job", args=[real.pk])
    assert (real.status, real.dry_run, real.created, real.file.name) == ("finished", False, 3, job.file.name)
    assert StockRecord.objects.count() == 3


def test_the_status_endpoint_of_a_finished_job(upload, staff_client, fixture_bytes):
    upload("pens.csv", fixture_bytes("supplier_gbk_semicolon.csv"), mode="all")
    job = ImportJob.objects.get()

    status = staff_client.get(reverse("catalogimport:job-status", args=[job.pk])).json()

    assert status | {"message": ""} == {
        "id": job.pk,
        "status": "finished",
        "status_display": "Finished",
        "done": True,
        "phase": "",
        "processed": 0,
        "total": None,
        "percent": 100,
        "rows": 3,
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "failed": 0,
        "errors_total": 0,
        "message": "",
    }
    assert status["message"].startswith("Imported 3 rows")


def test_the_status_endpoint_shows_progress_of_a_running_job(staff_client, supplier):
    from django.core.cache import cache

    from shop.catalogimport.jobs import progress_key

    job = ImportJob.objects.create(file="x.csv", file_name="x.csv", partner=supplier, status="running")
    cache.set(progress_key(job.pk), {"phase": "importing", "done": 250, "total": 1000})

    status = staff_client.get(reverse("catalogimport:job-status", args=[job.pk])).json()

    assert (status["done"], status["phase"], status["processed"], status["percent"]) == (False, "importing", 250, 56)
    assert 'id="job-progress"' in staff_client.get(reverse("catalogimport:job", args=[job.pk])).content.decode()


def test_status_and_files_are_staff_only(client, supplier):
    job = ImportJob.objects.create(file="x.csv", file_name="x.csv", partner=supplier)

    for name in ("catalogimport:job-status", "catalogimport:job", "catalogimport:job-file"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 302


def test_a_partial_import_with_bad_rows_shows_the_error_table(upload, staff_client, fixture_bytes):
    upload("highlighters.csv", fixture_bytes("rows_with_errors.csv"), mode="partial")

    job = ImportJob.objects.get()
    assert (job.status, job.created, job.failed, job.errors_total) == ("finished", 2, 5, 5)
    assert job.errors[0] == {"row": 3, "column": "price", "message": "'abc' is not a price"}
    page = staff_client.get(reverse("catalogimport:job", args=[job.pk])).content.decode()
    assert 'id="job-errors"' in page and "&#x27;abc&#x27; is not a price" in page


def test_an_all_or_nothing_import_with_bad_rows_is_rejected_and_offers_the_good_rows(
    upload, staff_client, fixture_bytes, django_capture_on_commit_callbacks
):
    upload("highlighters.csv", fixture_bytes("rows_with_errors.csv"), mode="all")

    job = ImportJob.objects.get()
    assert (job.status, job.created, job.failed) == ("rejected", 0, 5)
    assert not StockRecord.objects.exists()
    page = staff_client.get(reverse("catalogimport:job", args=[job.pk])).content.decode()
    assert "Import the good rows, skip 5 bad rows" in page

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("catalogimport:job-rerun", args=[job.pk]), {"mode": "partial"})

    assert sorted(StockRecord.objects.values_list("partner_sku", flat=True)) == ["OK-1", "OK-2"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.csv", bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)), "The file is binary"),
        ("empty.csv", b"", "The submitted file is empty."),
        ("old.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "Old Excel files (.xls)"),
    ],
)
def test_uploads_are_checked_by_content_before_a_job_exists(upload, name, data, message):
    response = upload(name, data)

    assert response.status_code == 200 and message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_uploads_are_size_limited(upload, settings):
    settings.SHOP_IMPORT_MAX_UPLOAD_BYTES = 100

    response = upload("big.csv", b"sku,title_en\n" + b"P-1,Pen\n" * 20)

    assert response.status_code == 200 and "the limit is 100" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_file_is_kept_privately_and_downloaded_as_an_attachment(upload, staff_client, fixture_bytes, settings):
    upload("Lieferant März.xlsx", fixture_bytes("supplier.xlsx"))
    job = ImportJob.objects.get()

    path = job.file.path
    assert os.path.dirname(path) == os.path.join(settings.MEDIA_ROOT, "imports")
    assert os.path.basename(path).endswith(".xlsx") and "Lieferant" not in path
    with pytest.raises(ValueError):
        job.file.url  # noqa: B018 - there is no public URL
    response = staff_client.get(reverse("catalogimport:job-file", args=[job.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == fixture_bytes("supplier.xlsx")


def test_a_mapping_made_in_the_dashboard_reads_the_suppliers_headers(upload, staff_client, supplier):
    response = staff_client.post(
        reverse("catalogimport:mapping-create"),
        {
            "partner": supplier.pk,
            "name": "erp",
            "columns_text": "货号 = sku\n名称 = title_zh_hans\n单价 = price\n备注 =",
        },
    )
    assert response.status_code == 302
    mapping = ColumnMapping.objects.get()
    assert mapping.columns == {"货号": "sku", "名称": "title_zh_hans", "单价": "price", "备注": ""}

    upload("erp.csv", "货号,名称,单价,备注\nZ-1,订书钉,2.40,x\n".encode("gbk"), mode="all", mapping=mapping.pk)

    assert StockRecord.objects.get().product.title_zh_hans == "订书钉"
    assert staff_client.get(reverse("catalogimport:mappings")).status_code == 200


def test_a_mapping_with_an_unusable_target_is_refused(staff_client):
    response = staff_client.post(
        reverse("catalogimport:mapping-create"), {"name": "bad", "columns_text": "货号 = sku\n名称 = 名称!"}
    )

    assert response.status_code == 200 and "line 2" in response.content.decode()
    assert not ColumnMapping.objects.exists()


def test_another_suppliers_mapping_cannot_be_used(upload, other_supplier):
    mapping = ColumnMapping.objects.create(partner=other_supplier, name="default", columns={"code": "sku"})

    response = upload("a.csv", b"code,title_en\nA,B\n", mapping=mapping.pk)

    assert "belongs to another supplier" in response.content.decode()


def test_the_pages_and_row_errors_speak_chinese(staff_client, supplier, django_capture_on_commit_callbacks):
    page = staff_client.get("/zh-hans/dashboard/catalog-import/").content.decode()
    assert "导入" in page and "仅检查（试运行）" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/zh-hans/dashboard/catalog-import/",
            {
                "file": SimpleUploadedFile("a.csv", b"sku,title_en,price\nA,Pen,abc\n"),
                "supplier": supplier.pk,
                "mode": "dry_run",
            },
        )

    job = ImportJob.objects.get()
    assert job.language == "zh-hans"
    assert job.errors == [{"row": 2, "column": "price", "message": "'abc' 不是价格"}]
    assert "试运行 1 行" in staff_client.get(response["Location"]).content.decode()


def test_page_query_counts_do_not_grow_with_the_jobs(staff_client, supplier, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(25):
        ImportJob.objects.create(file=f"{n}.csv", file_name=f"{n}.csv", partner=supplier, created_by=staff)
    job = ImportJob.objects.first()
    staff_client.get(UPLOAD)  # warm caches (site, plugin states, menu)

    for url, own in (
        (UPLOAD, 3),  # jobs with supplier and user, suppliers and mappings for the form
        (reverse("catalogimport:job", args=[job.pk]), 1),
        (reverse("catalogimport:job-status", args=[job.pk]), 1),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(url).status_code == 200
        mine = [
            q["sql"] for q in queries.captured_queries if "catalogimport_" in q["sql"] or "partner_partner" in q["sql"]
        ]
        assert len(mine) <= own, url
        assert len(queries) <= 25, url  # the rest is the middleware's (session, user, basket, company …)
