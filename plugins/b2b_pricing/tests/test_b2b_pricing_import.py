"""Price list files: dry run, all-or-nothing, per-row errors naming row and column, export that re-imports."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from b2b_pricing.models import PriceListEntry, QuantityBreak, TierTable
from b2b_pricing.services import exports, imports
from django.urls import reverse

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def catalog(make_product, pen):
    return {"pen": pen, "paper": make_product("A4-80G-500", "25.00", "A4 copy paper"),
            "clip": make_product("CLIP-19", "0.80", "Binder clip 19mm")}


@pytest.fixture
def cny_list(price_list):
    return price_list("Distributors CNY")


def run(price_list, text: str, dry_run: bool = False, replace: bool = False):
    return imports.import_price_file(price_list, text.encode("utf-8"), dry_run=dry_run, replace=replace)


def errors(report) -> list[tuple[int | None, str, str]]:
    return [(e.row, e.column, e.message) for e in report.errors]


def test_a_good_file_is_saved_with_breaks(cny_list, catalog):
    report = run(cny_list, "sku,price,pack_size,tiers\n"
                           "GP-05-BLUE,3.40,12,1-11:3.50; 12-143:3.20; 144+:2.90\n"
                           "A4-80G-500,23.50,,\n")
    assert report.ok and report.saved
    assert (report.created, report.tiers_set) == (2, 1)
    entry = PriceListEntry.objects.get(price_list=cny_list, product=catalog["pen"])
    assert (entry.price, entry.pack_size) == (D("3.40"), 12)
    breaks = list(QuantityBreak.objects.filter(table__price_list=cny_list).values_list(
        "min_quantity", "max_quantity", "price"))
    assert breaks == [(1, 11, D("3.50")), (12, 143, D("3.20")), (144, None, D("2.90"))]


def test_a_dry_run_reports_and_saves_nothing(cny_list, catalog):
    report = run(cny_list, "sku,price\nGP-05-BLUE,3.40\nA4-80G-500,23.50\n", dry_run=True)
    assert report.ok and not report.saved and report.created == 2
    assert not PriceListEntry.objects.exists()


def test_every_bad_row_is_named_by_row_and_column_and_nothing_is_saved(cny_list, catalog):
    report = run(cny_list, "sku,price,min_quantity,tiers\n"
                           "GP-05-BLUE,3.40,,\n"        # row 2: fine
                           "A4-80G-500,-1,,\n"          # row 3: negative price
                           "CLIP-19,0,,\n"              # row 4: zero price
                           "NOPE-1,1.00,,\n"            # row 5: unknown SKU
                           "gp-05-blue,3.30,,\n"        # row 6: the same SKU again
                           "CLIP-19,abc,,\n"            # row 7: not a price
                           "A4-80G-500,1.234,,\n"       # row 8: too many decimals
                           "CLIP-19,1.00,two,\n"        # row 9: not a whole number
                           "A4-80G-500,2.00,,1-20:2.00; 12+:1.80\n")  # row 10: overlapping breaks
    rows = {(row, column) for row, column, _message in errors(report)}
    assert {(3, "price"), (4, "price"), (5, "sku"), (6, "sku"), (7, "price"), (8, "price"), (9, "min_quantity"),
            (10, "tiers")} <= rows
    assert (2, "sku") not in rows and (2, "price") not in rows
    messages = dict(((row, column), message) for row, column, message in errors(report))
    assert messages[(5, "sku")] == "no product has SKU NOPE-1"
    assert messages[(6, "sku")] == "SKU gp-05-blue is also on row 2"
    assert "overlaps the break 1–20" in messages[(10, "tiers")]
    assert not report.saved
    assert not PriceListEntry.objects.exists() and not TierTable.objects.exists()


def test_a_file_without_the_required_columns_is_refused(cny_list, catalog):
    report = run(cny_list, "product,cost\nGP-05-BLUE,3.40\n")
    assert errors(report) == [(1, "sku", "the file has no sku column"), (1, "price", "the file has no price column")]


def test_chinese_headers_and_a_gbk_file(cny_list, catalog):
    data = "货号,单价,包装倍数\nGP-05-BLUE,3.40,12\n".encode("gb18030")
    report = imports.import_price_file(cny_list, data, dry_run=False)
    assert report.ok, errors(report)
    assert PriceListEntry.objects.get(product=catalog["pen"]).pack_size == 12


def test_prices_follow_the_currency_of_the_list(price_list, catalog):
    yen = price_list("Yen list", currency="JPY")
    report = run(yen, "sku,price\nGP-05-BLUE,70.5\n")
    assert errors(report) == [(2, "price", "70.5 has more decimals than JPY allows (0)")]


def test_replace_removes_what_the_file_does_not_name(cny_list, catalog):
    run(cny_list, "sku,price,tiers\nGP-05-BLUE,3.40,12+:3.20\nA4-80G-500,23.50,\n")
    report = run(cny_list, "sku,price\nA4-80G-500,23.00\n", replace=True)
    assert (report.changed, report.removed, report.tiers_removed) == (1, 1, 1)
    assert list(PriceListEntry.objects.values_list("product__title", "price")) == [("A4 copy paper", D("23.00"))]
    assert not TierTable.objects.exists()


def test_merge_keeps_what_the_file_does_not_name(cny_list, catalog):
    run(cny_list, "sku,price\nGP-05-BLUE,3.40\nA4-80G-500,23.50\n")
    report = run(cny_list, "sku,price\nA4-80G-500,23.50\n")
    assert (report.unchanged, report.removed) == (1, 0)
    assert PriceListEntry.objects.count() == 2


def test_the_export_re_imports_unchanged_in_csv_and_xlsx(cny_list, catalog, pen_family):
    parent, _children = pen_family
    run(cny_list, "sku,price,min_quantity,pack_size,tiers,mixed_variants\n"
                  "GP-05-BLUE,3.40,24,12,1-11:3.50; 12-143:3.20; 144+:2.90,\n"
                  "GP-05,,,,1-11:3.50; 12+:3.10,yes\n"
                  "CLIP-19,0.75,,,,\n")
    for data in (exports.as_csv(cny_list), exports.as_xlsx(cny_list)):
        report = imports.import_price_file(cny_list, data, dry_run=True)
        assert report.ok, errors(report)
        assert (report.created, report.changed, report.unchanged, report.tiers_set) == (0, 0, 2, 0)
    assert TierTable.objects.get(product=parent).count_variants_together


def test_the_export_neutralises_spreadsheet_formulas(cny_list, make_product):
    make_product("EVIL-1", "1.00", "=HYPERLINK(\"http://x\")")
    run(cny_list, "sku,price\nEVIL-1,1.00\n")
    assert "'=HYPERLINK" in exports.as_csv(cny_list).decode("utf-8-sig")


def test_the_dashboard_upload_shows_the_error_table(client, staff, cny_list, catalog):
    client.force_login(staff)
    url = reverse("b2b_pricing_dashboard:pricelist-import", kwargs={"pk": cny_list.pk})
    upload = io.BytesIO(b"sku,price\nGP-05-BLUE,3.40\nGP-05-BLUE,3.30\nCLIP-19,-2\n")
    upload.name = "prices.csv"
    response = client.post(url, {"file": upload, "dry_run": ""})
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="import-errors"' in html
    assert "<td>3</td><td>sku</td><td>SKU GP-05-BLUE is also on row 2</td>" in html
    assert "<td>4</td><td>price</td>" in html
    assert not PriceListEntry.objects.exists()
    upload = io.BytesIO(b"sku,price\nGP-05-BLUE,3.40\n")
    upload.name = "prices.csv"
    response = client.post(url, {"file": upload})
    assert response.status_code == 302
    assert PriceListEntry.objects.get().price == D("3.40")


def test_the_dashboard_export_downloads(client, staff, cny_list, catalog):
    run(cny_list, "sku,price\nGP-05-BLUE,3.40\n")
    client.force_login(staff)
    response = client.get(reverse("b2b_pricing_dashboard:pricelist-export", kwargs={"pk": cny_list.pk, "fmt": "csv"}))
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"GP-05-BLUE,Gel pen 0.5 blue,3.40" in response.content
    response = client.get(reverse("b2b_pricing_dashboard:pricelist-export", kwargs={"pk": cny_list.pk, "fmt": "xlsx"}))
    assert response.content[:2] == b"PK"
    assert client.get(reverse("b2b_pricing_dashboard:pricelist-export",
                              kwargs={"pk": cny_list.pk, "fmt": "exe"})).status_code == 404
