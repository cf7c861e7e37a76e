"""The index update after an import runs on a real Celery worker (PostgreSQL + Redis pass only)."""

from __future__ import annotations

import time

import pytest

from tests.conftest import restore_search_connections

CATALOG = (
    "sku,title_en,title_zh_hans,category,product_class,price,stock\n"
    "W-1,Worker gel pen black,工人中性笔 黑色,Writing > Pens,Pen,1.50,100\n"
    "W-2,Worker gel pen blue,工人中性笔 蓝色,Writing > Pens,Pen,1.50,80\n"
)


@pytest.fixture
def shared_index(settings, tmp_path, monkeypatch, search_updates):
    """One embedded index directory for this process and the worker (it reads SHOP_VAR_DIR at start-up)."""
    from haystack import connections

    monkeypatch.setenv("SHOP_VAR_DIR", str(tmp_path))
    previous = connections.connections_info
    info = {"default": {"ENGINE": "shop.searchengine.embedded.EmbeddedEngine", "PATH": str(tmp_path / "search")}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    yield
    restore_search_connections(settings, previous)


def test_imported_products_become_searchable_through_the_worker(shared_index, celery_worker, supplier):
    from haystack.query import SearchQuerySet

    from shop.catalogimport.services import import_catalog

    result = import_catalog(CATALOG.encode(), supplier=supplier)
    assert result.committed and result.indexed == 2  # queued after the commit, not indexed inline

    deadline = time.monotonic() + 20
    found: list[str] = []
    while time.monotonic() < deadline:
        found = sorted(r.title for r in SearchQuerySet().auto_query("worker gel"))
        if len(found) == 2:
            break
        time.sleep(0.3)
    assert found == ["Worker gel pen black\n工人中性笔 黑色", "Worker gel pen blue\n工人中性笔 蓝色"]
