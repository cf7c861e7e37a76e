"""Importing the sample files: what ends up in the catalogue, per format and encoding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


def record(sku: str) -> StockRecord:
    return StockRecord.objects.select_related("product", "product__product_class").get(partner_sku=sku)


def attributes_of(product) -> dict[str, object]:
    return {v.attribute.code: v.value for v in product.attribute_values.select_related("attribute", "value_option")}


def category_names(product, language: str = "en") -> list[str]:
    with translation.override(language):
        return [c.full_name for c in product.categories.all()]


def test_gbk_file_with_semicolons_and_decimal_commas(run_import, fixture_bytes):
    # given a Chinese supplier's GBK export, ';'-delimited, prices written 1,50
    # when
    result = run_import(fixture_bytes("supplier_gbk_semicolon.csv"))

    # then
    assert (result.created, result.failed, result.encoding, result.delimiter) == (3, 0, "gb18030", ";")
    pen = record("GB-001")
    assert (pen.product.title_zh_hans, pen.product.title_en) == ("中性笔 0.5mm 黑色", "Gel pen 0.5 mm black")
    assert (pen.price, pen.price_currency, pen.currency_prices) == (Decimal("1.50"), "CNY", {"USD": "0.25"})
    assert pen.num_in_stock == 1200
    assert category_names(pen.product) == ["Writing > Gel pens"]
    assert category_names(pen.product, "zh-hans") == ["书写工具 > 中性笔"]
    assert attributes_of(pen.product) == {"brand": "晨光", "colour": "黑色", "tip_size": "0.5 mm"}
    paper = record("GB-003")
    assert paper.price == Decimal("22.90") and paper.product.product_class.name_en == "Copy paper"
    assert "tip_size" not in attributes_of(paper.product)  # an empty cell sets nothing


def test_utf8_bom_file_with_upc_descriptions_and_euro_prices(run_import, fixture_bytes):
    result = run_import(fixture_bytes("supplier_utf8_bom.csv"))

    assert (result.created, result.failed, result.encoding) == (3, 0, "utf-8")
    binder = record("BND-A4-BLK")
    product = binder.product
    assert (product.upc, product.title_en, product.title_zh_hans) == (
        "6901234567892",
        "Ring binder A4, black",
        "A4两孔文件夹 黑色",
    )
    assert product.description_en == "Polypropylene ring binder, 2 rings, 40 mm spine"
    assert (binder.price, binder.currency_prices, binder.num_in_stock) == (Decimal("12.80"), {"EUR": "1.65"}, 250)
    assert attributes_of(product) == {"pack_size": "10", "material": "PP"}
    stapler = record("STP-24-6")
    assert not stapler.product.upc and stapler.currency_prices == {}
    assert category_names(stapler.product) == ["Office Supplies > Staplers"]


def test_xlsx_file_with_numeric_cells(run_import, fixture_bytes):
    result = run_import(fixture_bytes("supplier.xlsx"))

    assert (result.file_kind, result.created, result.failed) == ("xlsx", 3, 0)
    notebook = record("NB-A5-80")
    assert (notebook.price, notebook.currency_prices, notebook.num_in_stock) == (Decimal("6.50"), {"USD": "0.95"}, 400)
    assert attributes_of(notebook.product) == {"paper_size": "A5", "sheet_count": "80"}
    notes = record("10023")  # a numeric SKU cell stays the text the supplier sees
    assert notes.product.title_zh_hans == "便利贴 76×76 黄色"
    assert type(notes.price) is Decimal


def test_categories_are_created_from_paths_once_and_shared(run_import, fixture_bytes):
    run_import(fixture_bytes("supplier_utf8_bom.csv"))

    with translation.override("en"):
        names = sorted(c.full_name for c in Category.objects.all())
    assert names == ["Office Supplies", "Office Supplies > Binders", "Office Supplies > Staplers"]
    Category.fix_tree()  # a consistent treebeard tree: nothing to fix
    assert Category.find_problems() == ([], [], [], [], [])


def test_existing_categories_match_by_english_or_chinese_name_without_case(run_import):
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    with translation.override("en"):
        binders = create_from_breadcrumbs("Office Supplies > Binders")
    Category.objects.filter(pk=binders.pk).update(name_zh_hans="文件夹")
    office = binders.get_parent()
    Category.objects.filter(pk=office.pk).update(name_zh_hans="办公用品")

    run_import("sku,title_en,category\nA,One,office supplies > BINDERS\nB,Two,办公用品 > 文件夹\n".encode())

    assert Category.objects.count() == 2
    assert set(Product.objects.values_list("categories", flat=True)) == {binders.pk}


def test_extra_columns_become_text_attributes_of_the_product_class(run_import):
    run_import("sku,title_en,product_class,tip_size,Pack Size,笔芯颜色\nR-1,Refill,Refill,0.5 mm,12,黑\n".encode())

    refill = ProductClass.objects.get(name_en="Refill")
    attributes = {a.code: (a.type, a.name_en, a.name_zh_hans) for a in refill.attributes.all()}
    assert attributes == {
        "tip_size": ("text", "Tip size", "笔尖规格"),
        "pack_size": ("text", "Pack size", "包装数量"),
        "bi_xin_yan_se": ("text", None, "笔芯颜色"),
    }
    assert attributes_of(record("R-1").product) == {"tip_size": "0.5 mm", "pack_size": "12", "bi_xin_yan_se": "黑"}


def test_typed_attributes_of_the_class_get_typed_values_and_options(run_import):
    group = get_model("catalogue", "AttributeOptionGroup").objects.create(name="Colour", code="colour")
    black = get_model("catalogue", "AttributeOption").objects.create(
        group=group, option_en="Black", option_zh_hans="黑色"
    )
    pen = ProductClass.objects.create(name_en="Pen", slug="pen")
    ProductAttribute.objects.create(product_class=pen, code="colour", type="option", option_group=group, name="Colour")
    ProductAttribute.objects.create(product_class=pen, code="pack_size", type="integer", name="Pack size")
    ProductAttribute.objects.create(product_class=pen, code="refillable", type="boolean", name="Refillable")

    result = run_import(
        "sku,title_en,product_class,colour,pack_size,refillable\n"
        "P-1,Gel pen,pen,黑色,12,yes\n"
        "P-2,Gel pen,Pen,Teal,10,no\n"
        "P-3,Gel pen,Pen,black,a dozen,maybe\n".encode(),
        partial=True,
    )

    assert [str(e) for e in result.errors] == [
        "row 4, column pack_size: 'a dozen' is not a whole number",
        "row 4, column refillable: 'maybe' is not yes or no",
    ]
    assert attributes_of(record("P-1").product) == {"colour": black, "pack_size": 12, "refillable": True}
    teal = attributes_of(record("P-2").product)["colour"]
    assert (teal.group, teal.option_en) == (group, "Teal")


def test_a_new_class_takes_the_type_other_classes_give_an_attribute(run_import):
    group = get_model("catalogue", "AttributeOptionGroup").objects.create(name="Brand", code="brand")
    pen = ProductClass.objects.create(name_en="Pen", slug="pen")
    ProductAttribute.objects.create(product_class=pen, code="brand", type="option", option_group=group, name="Brand")

    run_import(b"sku,title_en,product_class,brand\nH-1,Highlighter,Highlighter,Stabilo\n")

    attribute = ProductAttribute.objects.get(product_class__name_en="Highlighter", code="brand")
    assert (attribute.type, attribute.option_group) == ("option", group)
    assert attributes_of(record("H-1").product)["brand"].option_en == "Stabilo"


def test_rows_without_a_product_class_get_the_default_class(run_import):
    run_import(b"sku,title_en\nA,Eraser\n")

    assert record("A").product.product_class.slug == "stationery"


def test_a_saved_mapping_reads_a_suppliers_own_headers(run_import, supplier):
    from shop.catalogimport.mappings import find_mapping
    from shop.catalogimport.models import ColumnMapping

    ColumnMapping.objects.create(
        partner=supplier,
        name="default",
        columns={
            "货号": "sku",
            "名称": "title_zh_hans",
            "单价": "price",
            "库存": "stock",
            "颜色": "colour",
            "备注": "",
        },
    )
    data = "货号,名称,单价,库存,颜色,备注\nZ-1,订书钉,2.40,500,银色,内部备注\n".encode("gbk")

    result = run_import(data, mapping=find_mapping(supplier, None).columns)

    assert result.failed == 0 and result.created == 1
    staples = record("Z-1")
    assert (staples.product.title_zh_hans, staples.price, staples.num_in_stock) == ("订书钉", Decimal("2.40"), 500)
    assert attributes_of(staples.product) == {"colour": "银色"}
    assert "备注" in " ".join(result.warnings)


def test_the_same_sku_of_two_suppliers_is_two_stock_records(run_import, other_supplier):
    run_import(b"sku,title_en,price\nP-1,Pen from Acme,1.00\n")
    run_import(b"sku,title_en,price\nP-1,Pen from Brightpen,1.20\n", supplier=other_supplier)

    assert sorted(StockRecord.objects.values_list("partner__code", "price")) == [
        ("acme", Decimal("1.00")),
        ("brightpen", Decimal("1.20")),
    ]
    assert Product.objects.count() == 2


def test_chinese_only_categories_classes_and_options_are_created_in_chinese(run_import):
    run_import("sku,title_zh_hans,category,product_class\nC-1,修正带,文具 > 修正用品,修正用品\n".encode("gbk"))

    product = record("C-1").product
    leaf = product.categories.get()
    assert (leaf.name_en, leaf.name_zh_hans, leaf.slug, leaf.get_parent().name_zh_hans) == (
        None,
        "修正用品",
        "修正用品",
        "文具",
    )
    assert (product.product_class.name_en, product.product_class.name_zh_hans) == (None, "修正用品")
    assert product.product_class.slug and product.slug == "修正带"
    with translation.override("en"):
        assert str(product.title) == "修正带"  # the English page falls back to the Chinese title
