"""Upsert by SKU: dry runs, re-imports, all-or-nothing against partial, and bad input changing nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.catalogimport.upsert import ChunkImporter

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")

CATALOG = (
    "sku,title_en,title_zh_hans,category,product_class,price,price_USD,stock,colour\n"
    "P-1,Gel pen black,中性笔 黑色,Writing > Pens,Pen,1.50,0.25,100,black\n"
    "P-2,Gel pen blue,中性笔 蓝色,Writing > Pens,Pen,1.50,0.25,80,blue\n"
    "P-3,Gel pen red,中性笔 红色,Writing > Pens,Pen,1.60,,60,red\n"
)


def table_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Product, StockRecord, Category, ProductClass, ProductAttribute)
    }


def snapshot() -> dict[str, tuple]:
    return {
        r.partner_sku: (r.price, r.num_in_stock, r.currency_prices, r.date_updated, r.product.date_updated)
        for r in StockRecord.objects.select_related("product")
    }


def test_dry_run_reports_what_would_happen_and_changes_nothing(run_import, fixture_bytes):
    before = table_counts()

    result = run_import(fixture_bytes("supplier_utf8_bom.csv"), dry_run=True)

    assert (result.created, result.updated, result.unchanged, result.failed) == (3, 0, 0, 0)
    assert not result.committed and result.product_ids == []
    assert "Nothing was saved" in result.summary()
    assert table_counts() == before


def test_dry_run_lists_every_bad_row_with_its_column(run_import, fixture_bytes):
    result = run_import(fixture_bytes("rows_with_errors.csv"), dry_run=True)

    assert [str(e) for e in result.errors] == [
        "row 3, column price: 'abc' is not a price",
        "row 4, column stock: stock cannot be negative, got -3",
        "row 5, column sku: a SKU is required",
        "row 6, column title_en: a product needs a title in title_en or title_zh_hans",
        "row 8, column price_USD: a price must be greater than zero, got 0",
    ]
    assert (result.created, result.failed, result.rejected) == (2, 5, True)
    assert Product.objects.count() == 0


def test_re_import_of_the_same_file_changes_nothing(run_import, django_assert_max_num_queries):
    first = run_import(CATALOG.encode())
    before = snapshot()

    with django_assert_max_num_queries(20):
        second = run_import(CATALOG.encode())

    assert (first.created, second.created, second.updated, second.unchanged) == (3, 0, 0, 3)
    assert second.product_ids == []
    assert snapshot() == before


def test_a_changed_price_updates_only_that_product(run_import):
    run_import(CATALOG.encode())
    before = snapshot()

    result = run_import(CATALOG.replace("Pen,1.60,,60,red", "Pen,1.75,,60,red").encode())

    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    after = snapshot()
    assert after["P-3"][0] == Decimal("1.75")
    assert after["P-3"][3] > before["P-3"][3] and after["P-3"][4] > before["P-3"][4]  # index sweepers see it
    assert {sku: after[sku] for sku in ("P-1", "P-2")} == {sku: before[sku] for sku in ("P-1", "P-2")}
    assert result.product_ids == [StockRecord.objects.get(partner_sku="P-3").product_id]


@pytest.mark.parametrize(
    ("change", "check"),
    [
        (("Gel pen blue,", "Gel pen navy,"), lambda r: r.product.title_en == "Gel pen navy"),
        ((",80,blue", ",75,blue"), lambda r: r.num_in_stock == 75),
        (("Pen,1.50,0.25,80", "Pen,1.50,0.30,80"), lambda r: r.currency_prices == {"USD": "0.30"}),
        ((",80,blue", ",80,navy"), lambda r: r.product.attribute_values.get().value == "navy"),
        (
            ("Writing > Pens,Pen,1.50,0.25,80", "Writing > Gel pens,Pen,1.50,0.25,80"),
            lambda r: [c.name for c in r.product.categories.all()] == ["Gel pens"],
        ),
        (("Pens,Pen,1.50,0.25,80", "Pens,Gel pen,1.50,0.25,80"), lambda r: r.product.product_class.name == "Gel pen"),
    ],
    ids=["title", "stock", "usd-price", "attribute", "category", "product-class"],
)
def test_each_kind_of_change_is_found_and_written(run_import, change, check):
    run_import(CATALOG.encode())

    result = run_import(CATALOG.replace(*change).encode())

    assert (result.updated, result.unchanged) == (1, 2)
    assert check(StockRecord.objects.select_related("product").get(partner_sku="P-2"))
    assert run_import(CATALOG.replace(*change).encode()).unchanged == 3


def test_empty_cells_keep_what_is_stored(run_import):
    run_import(CATALOG.encode())

    result = run_import(b"sku,title_en,price,price_USD,stock,colour\nP-1,Gel pen black,,,,\n")

    assert result.unchanged == 1
    pen = StockRecord.objects.get(partner_sku="P-1")
    assert (pen.price, pen.currency_prices, pen.num_in_stock) == (Decimal("1.50"), {"USD": "0.25"}, 100)


def test_all_or_nothing_by_default(run_import, fixture_bytes):
    result = run_import(fixture_bytes("rows_with_errors.csv"))

    assert result.rejected and not result.committed
    assert (result.created, result.failed) == (0, 5)
    assert "Nothing was imported" in result.summary()
    assert Product.objects.count() == 0


def test_an_error_found_in_a_later_chunk_rolls_back_the_earlier_ones(run_import, monkeypatch, other_supplier):
    # given a UPC that another supplier's product holds: only the database can tell, in the last chunk
    run_import(b"sku,title_en,upc\nX-1,Pen,6901234567892\n", supplier=other_supplier)
    before = table_counts()
    monkeypatch.setattr("shop.catalogimport.services.CHUNK_SIZE", 2)
    rows = "".join(f"S-{n},Pencil {n},Pencils > HB,Pencil,0.50,\n" for n in range(7))
    data = "sku,title_en,category,product_class,price,upc\n" + rows + "S-7,Pencil 7,Pencils,Pencil,0.50,6901234567892\n"
    written = []
    monkeypatch.setattr(
        "shop.catalogimport.services.ChunkImporter.write",
        lambda self, evaluations, state, _write=ChunkImporter.write: (
            written.append(len(evaluations)) or _write(self, evaluations, state)
        ),
    )

    # when
    result = run_import(data.encode())

    # then the first chunks were written, and all of it was rolled back
    assert written == [2, 2, 2]  # the last chunk holds the bad row: nothing more is written
    assert [e.column for e in result.errors] == ["upc"] and result.errors[0].row == 9
    assert result.rejected and not result.committed and result.created == 0
    assert table_counts() == before


def test_partial_imports_the_good_rows_and_reports_the_bad(run_import, fixture_bytes):
    result = run_import(fixture_bytes("rows_with_errors.csv"), partial=True)

    assert result.committed and not result.rejected
    assert (result.created, result.failed) == (2, 5)
    assert sorted(StockRecord.objects.values_list("partner_sku", flat=True)) == ["OK-1", "OK-2"]


def test_a_bad_row_in_partial_mode_leaves_no_new_class_category_or_attribute_behind(run_import):
    data = "sku,title_en,category,product_class,price,tip_size\nX-1,Pen,New > Branch,New class,-1,0.5 mm\n"

    result = run_import(data.encode(), partial=True)

    assert result.failed == 1
    assert (Category.objects.count(), ProductClass.objects.count(), ProductAttribute.objects.count()) == (0, 0, 0)


def test_duplicate_skus_are_an_error_naming_both_rows(run_import, fixture_bytes):
    result = run_import(fixture_bytes("duplicate_skus.csv"))

    assert [str(e) for e in result.errors] == [
        "row 2, column sku: 'DUP-1' appears on rows 2, 4; each may appear only once in a file",
        "row 4, column sku: 'DUP-1' appears on rows 2, 4; each may appear only once in a file",
    ]
    assert result.rejected and Product.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "The file is empty."),
        ("binary.png", "The file is binary"),
        ("latin1.csv", "neither UTF-8 nor GBK/GB18030"),
        ("missing_columns.csv", "Missing required columns: sku, a title (title_en or title_zh_hans)."),
    ],
)
def test_a_file_that_cannot_be_imported_gives_one_clear_error(run_import, fixture_bytes, name, message):
    result = run_import(fixture_bytes(name), partial=True)

    assert message in result.file_error
    assert result.errors == [] and result.rejected and not result.committed
    assert table_counts() == dict.fromkeys(table_counts(), 0)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("sku,title_en,price_XYZ", "column price_XYZ: XYZ is not a currency this shop trades in"),
        ("sku,title_en,price,Price", "columns price and Price fill the same field"),
        ("sku,title_en", "The file has a header row but no product rows."),
    ],
)
def test_header_problems_are_file_errors(run_import, header, message):
    result = run_import(f"{header}\n".encode() + (b"" if header == "sku,title_en" else b"\n"))

    assert message in result.file_error


def test_a_upc_of_another_product_is_refused(run_import, other_supplier):
    run_import(b"sku,title_en,upc\nP-1,Pen,6901234567892\n", supplier=other_supplier)

    result = run_import(b"sku,title_en,upc\nQ-1,Pen copy,6901234567892\n")

    assert len(result.errors) == 1
    assert str(result.errors[0]).startswith("row 2, column upc: UPC 6901234567892 already belongs to another product")
    assert StockRecord.objects.filter(partner__code="acme").count() == 0


def test_a_price_in_another_currency_and_its_explicit_prices(run_import):
    result = run_import(b"sku,title_en,price,currency,price_EUR,price_JPY\nP-1,Pen,0.20,usd,0.19,31\n")

    pen = StockRecord.objects.get()
    assert (pen.price, pen.price_currency, pen.currency_prices) == (
        Decimal("0.20"),
        "USD",
        {"EUR": "0.19", "JPY": "31"},
    )
    bad = run_import(b"sku,title_en,price,price_JPY,currency\nP-2,Pen,1.00,31.5,XYZ\nP-3,Pen,1,2.5,\n", partial=True)
    assert [str(e) for e in bad.errors] == [
        "row 2, column currency: 'XYZ' is not a currency this shop trades in (CNY, USD, EUR, JPY)",
        "row 3, column price_JPY: 2.5 has more decimals than JPY allows (0)",
    ]
    assert result.failed == 0


def test_stock_kept_per_warehouse_is_not_overwritten(run_import, supplier):
    from shop.inventory.models import Warehouse
    from shop.inventory.services import set_quantity

    run_import(b"sku,title_en,stock\nP-1,Pen,10\n")
    warehouse = Warehouse.objects.create(partner=supplier, code="sh-1", name="Shanghai", city="Shanghai")
    set_quantity(warehouse, StockRecord.objects.get(), 12)

    result = run_import(b"sku,title_en,stock\nP-1,Pen,50\n")

    assert [e.column for e in result.errors] == ["stock"]
    assert StockRecord.objects.get().num_in_stock == 12
    assert run_import(b"sku,title_en,stock\nP-1,Pen,12\n").unchanged == 1


def test_a_committed_import_is_audited_and_indexed_after_commit(
    run_import, monkeypatch, django_capture_on_commit_callbacks
):
    from shop.core.models import AuditEntry

    indexed: list[list[int]] = []
    monkeypatch.setattr("shop.catalogimport.services.after_import", lambda ids: indexed.append(sorted(ids)))

    with django_capture_on_commit_callbacks(execute=True):
        result = run_import(CATALOG.encode(), actor="manage.py import_products", file_name="pens.csv")

    assert indexed == [sorted(result.product_ids)] and len(result.product_ids) == 3
    entry = AuditEntry.objects.get(action="catalogimport.import")
    assert (entry.actor_name, entry.object_repr, entry.data["created"], entry.data["file"]) == (
        "manage.py import_products",
        "Acme Stationery",
        3,
        "pens.csv",
    )


def test_a_dry_run_is_neither_audited_nor_indexed(run_import, monkeypatch, django_capture_on_commit_callbacks):
    from shop.core.models import AuditEntry

    monkeypatch.setattr("shop.catalogimport.services.after_import", lambda ids: pytest.fail("indexed"))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run_import(CATALOG.encode(), actor="manage.py", dry_run=True)

    assert callbacks == [] and not AuditEntry.objects.exists()


def test_after_import_sends_the_products_to_the_search_index_in_batches(run_import, search_updates, monkeypatch):
    from shop.catalogimport import services

    run_import(CATALOG.encode())
    ids = sorted(Product.objects.values_list("pk", flat=True))
    monkeypatch.setattr(services, "INDEX_BATCH_SIZE", 2)

    sent = services.after_import([*ids, ids[0]])

    assert sent == 3
    assert search_updates == [ids[:2], ids[2:]]


def test_after_import_logs_an_index_failure_instead_of_failing_the_import(run_import, monkeypatch, caplog):
    from shop.catalogimport import services

    from .search_backend import RecordingBackend

    run_import(CATALOG.encode())

    def broken(*args, **kwargs):
        raise ConnectionError("search engine down")

    monkeypatch.setattr(RecordingBackend, "update", broken)

    assert services.after_import(Product.objects.values_list("pk", flat=True)) == 0
    assert "search index update after a catalog import failed" in caplog.text


def test_the_index_update_is_queued_as_a_celery_task_after_commit(
    run_import, monkeypatch, django_capture_on_commit_callbacks
):
    from shop.catalogimport import services, tasks

    queued: list[list[int]] = []
    monkeypatch.setattr(tasks.index_imported_products, "delay", lambda ids: queued.append(ids))
    monkeypatch.setattr(services, "INDEX_TASK_SIZE", 2)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = run_import(CATALOG.encode())
    assert queued == []  # nothing before the commit

    for callback in callbacks:
        callback()
    ids = sorted(result.product_ids)
    assert queued == [ids[:2], ids[2:]]
    assert result.indexed == 3


def test_the_queued_task_indexes_the_imported_products(run_import, search_updates, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = run_import(CATALOG.encode())  # Celery runs inline in the tests

    assert search_updates == [sorted(result.product_ids)]
    assert result.indexed == 3


def test_a_broker_that_is_down_does_not_fail_the_saved_import(
    run_import, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from shop.catalogimport import tasks

    def down(ids):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.index_imported_products, "delay", down)
    with django_capture_on_commit_callbacks(execute=True):
        result = run_import(CATALOG.encode())

    assert result.committed and Product.objects.count() == 3 and result.indexed == 0
    assert "cannot queue the search index update" in caplog.text
