"""``manage.py import_products``: options, output, exit status."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from oscar.core.loading import get_model

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_products", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_with_the_only_supplier_and_a_progress_bar(supplier):
    out, err = run(str(FIXTURES / "supplier_utf8_bom.csv"))

    assert "supplier acme, csv utf-8" in out
    assert "Imported 3 rows: 3 created, 0 updated, 0 unchanged, 0 failed." in out
    assert "rows/s" in out
    assert StockRecord.objects.count() == 3


def test_dry_run_prints_row_errors_and_saves_nothing(supplier, other_supplier, capsys):
    out, err = run(str(FIXTURES / "rows_with_errors.csv"), "--supplier", "acme", "--dry-run")

    assert "row 3, column price: 'abc' is not a price" in err
    assert "Dry run of 7 rows: 2 would be created" in out
    assert not StockRecord.objects.exists()


def test_all_or_nothing_fails_with_a_non_zero_exit(supplier):
    with pytest.raises(CommandError, match="Nothing was imported: 5 of 7 rows have errors"):
        run(str(FIXTURES / "rows_with_errors.csv"), "--supplier", "acme")

    assert not StockRecord.objects.exists()


def test_partial_imports_the_good_rows(supplier):
    out, err = run(str(FIXTURES / "rows_with_errors.csv"), "--supplier", "acme", "--partial")

    assert "2 created" in out and "5 failed" in out and "row 5, column sku: a SKU is required" in err
    assert StockRecord.objects.count() == 2


def test_a_saved_mapping_by_name(supplier, tmp_path):
    from shop.catalogimport.models import ColumnMapping

    ColumnMapping.objects.create(partner=None, name="erp", columns={"货号": "sku", "名称": "title_zh_hans"})
    path = tmp_path / "erp.csv"
    path.write_bytes("货号,名称\nE-1,回形针\n".encode("gbk"))

    out, _ = run(str(path), "--supplier", "acme", "--mapping", "erp")

    assert "mapping erp" in out and StockRecord.objects.get().product.title_zh_hans == "回形针"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--supplier", "nobody"], "No supplier with code 'nobody'. Suppliers: acme, brightpen"),
        ([], "Name the supplier to import for (one of: acme, brightpen)."),
        (["--supplier", "acme", "--mapping", "missing"], "No column mapping 'missing' for supplier acme."),
    ],
)
def test_unknown_supplier_or_mapping(supplier, other_supplier, args, message):
    with pytest.raises(CommandError) as error:
        run(str(FIXTURES / "supplier.xlsx"), *args)

    assert str(error.value) == message


def test_a_file_that_cannot_be_imported(supplier):
    with pytest.raises(CommandError, match="The file is binary"):
        run(str(FIXTURES / "binary.png"))
    with pytest.raises(CommandError, match="no such file"):
        run(str(FIXTURES / "nothing-here.csv"))
