"""Updates, removals, rebuilds and the management commands of the embedded engine."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from haystack import connections
from haystack.query import SearchQuerySet
from oscar.apps.search.facets import base_sqs

pytestmark = pytest.mark.django_db


def product_index():
    from oscar.core.loading import get_model

    return connections["default"].get_unified_index().get_index(get_model("catalogue", "Product"))


def test_update_is_visible_at_once_and_remove_takes_it_out(catalogue, backend):
    from oscar.test.factories import create_product

    product = create_product(title="Binder clips 长尾夹", price=Decimal("2.00"), num_in_stock=9)
    backend.update(product_index(), [product])
    assert [r.pk for r in base_sqs().auto_query("长尾夹")] == [str(product.pk)]

    product.title = "Binder clips large"
    product.save()
    backend.update(product_index(), [product])
    assert base_sqs().auto_query("large").count() == 1
    assert base_sqs().count() == 8  # updated in place, not duplicated

    backend.remove(product)
    assert base_sqs().auto_query("clips").count() == 0
    backend.remove("catalogue.product.999999")  # unknown ids are fine


def test_clear_by_model_and_everything(catalogue, backend):
    from oscar.core.loading import get_model

    backend.clear(models=[get_model("catalogue", "Category")])
    assert SearchQuerySet().count() == 7
    backend.clear(models=[get_model("catalogue", "Product")])
    assert SearchQuerySet().count() == 0
    backend.update(product_index(), product_index().index_queryset())
    assert SearchQuerySet().count() == 7
    backend.clear()
    assert SearchQuerySet().count() == 0


def test_haystack_management_commands(catalogue, backend):
    call_command("clear_index", interactive=False, verbosity=0)
    assert SearchQuerySet().count() == 0
    call_command("update_index", verbosity=0)
    assert SearchQuerySet().count() == 7
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert SearchQuerySet().count() == 7
    catalogue.products["stapler"].delete()
    call_command("update_index", remove=True, verbosity=0)
    assert SearchQuerySet().count() == 6


def test_rebuild_swaps_a_new_build_in_atomically(catalogue, backend):
    from shop.searchengine.indexing import document_batches

    before = backend.status()["build"]
    seen_during_rebuild = []

    def batches():
        for batch in document_batches(backend, product_index(), batch_size=3):
            seen_during_rebuild.append(base_sqs().count())
            yield batch

    assert backend.rebuild(batches()) == 7
    assert seen_during_rebuild == [7, 7, 7]  # the old build kept answering
    assert backend.status()["build"] != before
    assert base_sqs().count() == 7


def test_a_failed_rebuild_leaves_the_index_as_it_was(catalogue, backend, tmp_path):
    before = backend.status()["build"]

    def broken():
        yield []
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())
    assert backend.status()["build"] == before
    assert base_sqs().count() == 7
    builds = list((tmp_path / "index" / "builds").iterdir())
    assert [b.name for b in builds] == [before]


def test_search_reindex_command(catalogue, backend, django_assert_max_num_queries):
    out = io.StringIO()
    with django_assert_max_num_queries(30):  # batched reads, not queries per product
        call_command("search_reindex", "--no-progress", "--batch-size", "3", stdout=out)
    text = out.getvalue()
    assert "Indexed 7 documents" in text and "docs/s" in text
    assert base_sqs().count() == 7
    assert base_sqs().narrow('product_class:("Pens")').count() == 4


def test_batch_preparation_matches_single_object_preparation(catalogue, backend):
    """The shop's index reads prefetched rows in bulk and prepares the same documents as for one product."""
    from shop.searchengine.indexing import batch_preparer, bulk_queryset

    index = product_index()
    fast = batch_preparer(index)
    for obj in bulk_queryset(index):
        plain = index.full_prepare(type(obj).objects.get(pk=obj.pk))
        assert fast.full_prepare(obj) == plain


def test_search_drift_reports_and_fixes(catalogue, backend):
    from oscar.test.factories import create_product

    create_product(title="Eraser 橡皮擦", price=Decimal("1.00"), num_in_stock=3)
    stale = catalogue.products["gel"]
    stale.title = "Gel Pen Red 0.7mm"
    stale.date_updated = timezone.now()
    stale.save()
    catalogue.products["stapler"].delete()

    out = io.StringIO()
    call_command("search_drift", stdout=out)
    assert "catalogue.Product: 1 missing, 1 stale, 1 extra" in out.getvalue()
    with pytest.raises(CommandError, match="3 documents differ"):
        call_command("search_drift", "--check", stdout=io.StringIO())

    call_command("search_drift", "--fix", stdout=io.StringIO())
    out = io.StringIO()
    call_command("search_drift", "--check", stdout=out)
    assert "0 missing, 0 stale, 0 extra" in out.getvalue()
    assert base_sqs().auto_query("eraser").count() == 1
    assert base_sqs().auto_query("red").count() == 1
    assert base_sqs().auto_query("stapler").count() == 0


def test_status_and_healthz(catalogue, client):
    from shop.searchengine.status import search_status

    status = search_status()
    assert status["backend"] == "embedded" and status["documents"] == 7
    body = client.get("/healthz").json()
    assert body["checks"]["search"]["ok"] is True
    assert body["checks"]["search"]["documents"] == 7


def test_status_raises_when_the_index_is_broken(catalogue, search_index):
    from pathlib import Path

    from shop.searchengine.status import search_status

    (Path(search_index["default"]["PATH"]) / "CURRENT").write_text("{not json")
    with pytest.raises(Exception, match="unreadable"):
        search_status()


def test_more_like_this_says_it_is_unsupported(catalogue):
    from haystack.exceptions import MoreLikeThisError

    with pytest.raises(MoreLikeThisError):
        list(SearchQuerySet().more_like_this(catalogue.products["gel"]))
