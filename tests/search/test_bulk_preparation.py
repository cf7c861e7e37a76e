"""The bulk document path (``shop/apps/search/bulk.py``) gives what haystack's per-object path gives."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest

pytestmark = pytest.mark.django_db


def _words(text: str | None) -> set[str]:
    # descriptions are HTML: the per-object path strips tags only, the bulk path also decodes entities
    return set(re.findall(r"\w+", (text or "").replace("&amp;", "&")))


@pytest.fixture
def rich_catalogue(catalogue):
    """The search catalogue plus options in two languages, an explicit USD price, a parent and sales."""
    from oscar.core.loading import get_model
    from oscar.test.factories import create_product, create_stockrecord

    from shop.currency.models import ExchangeRate

    option_group = get_model("catalogue", "AttributeOptionGroup").objects.create(name="Colours")
    blue = get_model("catalogue", "AttributeOption").objects.create(
        group=option_group, option_en="Blue", option_zh_hans="蓝色"
    )
    gel = catalogue.products["gel"]
    colour = get_model("catalogue", "ProductAttribute").objects.create(
        product_class=gel.product_class, name="Colour", code="colour", type="option", option_group=option_group
    )
    pack = get_model("catalogue", "ProductAttribute").objects.create(
        product_class=gel.product_class, name="Pack size", code="pack_size", type="integer"
    )
    values = get_model("catalogue", "ProductAttributeValue")
    values.objects.create(product=gel, attribute=colour, value_option=blue)
    values.objects.create(product=gel, attribute=pack, value_integer=12)
    gel.description = "<p>Smooth &amp; quick-drying</p>"
    gel.title_zh_hans = "蓝色中性笔"
    gel.save()
    record = gel.stockrecords.get()
    record.currency_prices = {"USD": "1.99"}
    record.save()
    today = datetime.date.today()
    ExchangeRate.objects.create(base="CNY", quote="EUR", rate=Decimal("0.13"), valid_on=today, source="manual")
    get_model("analytics", "ProductRecord").objects.create(product=gel, num_purchases=17)

    parent = create_product(title="Binder family", product_class="Office", structure="parent", upc="UPC-PARENT")
    for number, price in enumerate(["9.00", "7.50"]):
        child = create_product(title=f"Binder {number}", parent=parent, structure="child", upc=f"UPC-CHILD-{number}")
        create_stockrecord(child, price=Decimal(price), num_in_stock=5 + number)
    catalogue.products["parent"] = parent
    return catalogue


def test_bulk_documents_equal_the_per_object_documents(rich_catalogue, backend):
    from haystack import connections

    from shop.searchengine.indexing import batch_preparer, bulk_queryset

    index = connections["default"].get_unified_index().get_index(type(rich_catalogue.products["gel"]))
    pks = list(index.index_queryset().values_list("pk", flat=True))
    slow = {}
    preparer = batch_preparer(index)
    for obj in bulk_queryset(index).filter(pk__in=pks):
        prepared = index.full_prepare(obj)
        backend.add_translations(preparer, obj, prepared)
        slow[prepared["django_id"]] = prepared
    fast = {prepared["django_id"]: prepared for prepared in index.bulk_preparer().prepare(pks)}

    assert fast.keys() == slow.keys() and len(fast) == 8  # 7 public products and the parent, no children
    for pk, expected in slow.items():
        got = fast[pk]
        assert got.keys() == expected.keys(), pk
        for field, value in expected.items():
            if field == "text":
                assert _words(got[field]) == _words(value), (pk, field)
            else:
                assert got[field] == value, (pk, field)

    gel = fast[str(rich_catalogue.products["gel"].pk)]
    assert gel["colour"] == ["Blue"] and gel["pack_size"] == 12 and gel["num_purchases"] == 17
    assert gel["price_usd"] == 1.99 and gel["price_cny"] == 12.0 and gel["price_eur"] == 1.56
    assert "蓝色" in gel["text"] and "蓝色中性笔" in gel["title"]
    assert fast[str(rich_catalogue.products["parent"].pk)]["price"] == 7.5


def test_bulk_preparation_reads_a_fixed_number_of_queries(rich_catalogue, backend, django_assert_max_num_queries):
    from haystack import connections
    from oscar.test.factories import create_product

    index = connections["default"].get_unified_index().get_index(type(rich_catalogue.products["gel"]))
    bulk = index.bulk_preparer()
    bulk.prepare([rich_catalogue.products["gel"].pk])  # reference data: read once per run
    for number in range(30):
        create_product(title=f"Extra pen {number}", product_class="Pens", price=Decimal("1.00"), num_in_stock=3)
    pks = list(index.index_queryset().values_list("pk", flat=True))
    with django_assert_max_num_queries(8):
        documents = bulk.prepare(pks)
    assert len(documents) == 38


def test_reindex_and_product_updates_use_the_bulk_path(rich_catalogue, backend, monkeypatch):
    from haystack.query import SearchQuerySet

    from shop.apps.search import bulk
    from shop.apps.search.tasks import update_products

    calls = []
    original = bulk.BulkProductPreparer.prepare

    def spy(self, pks):
        calls.append(sorted(pks))
        return original(self, pks)

    monkeypatch.setattr(bulk.BulkProductPreparer, "prepare", spy)
    gel = rich_catalogue.products["gel"]
    gel.title_en = "Gel Pen Navy 0.5mm 中性笔"
    gel.save()
    update_products([gel.pk])
    assert calls == [[gel.pk]]
    assert [r.pk for r in SearchQuerySet().auto_query("navy")] == [str(gel.pk)]


def test_a_failing_bulk_batch_falls_back_to_the_per_object_path(rich_catalogue, backend, monkeypatch, caplog):
    from haystack.query import SearchQuerySet

    from shop.apps.search import bulk
    from shop.apps.search.tasks import update_products

    def broken(self, pks):
        raise RuntimeError("bulk bug")

    monkeypatch.setattr(bulk.BulkProductPreparer, "prepare", broken)
    stapler = rich_catalogue.products["stapler"]
    stapler.title_en = "Stapler 订书机 extra heavy duty"
    stapler.save()
    assert update_products([stapler.pk])["written"] == 1
    assert "preparing them one by one" in caplog.text
    assert [r.pk for r in SearchQuerySet().auto_query("extra heavy")] == [str(stapler.pk)]
