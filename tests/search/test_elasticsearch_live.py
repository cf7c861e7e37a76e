"""The behavioural search tests again, against a live Elasticsearch 8/9 cluster.

Runs only when ELASTICSEARCH_URL is set (CI's service pass); each test gets its own alias and indices.
"""

from __future__ import annotations

import os
import uuid

import pytest

from tests.conftest import restore_search_connections
from tests.search.conftest import use_connection
from tests.search.test_catalogue_views import *  # noqa: F403 - the same behaviour, another engine
from tests.search.test_embedded_queries import *  # noqa: F403
from tests.search.test_query_expansion import *  # noqa: F403

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL,
        reason="set ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200) to run the search tests on a live Elasticsearch",
    ),
]


@pytest.fixture
def search_index(settings):
    """Overrides the embedded index of conftest.py: a private alias on the live cluster."""
    from haystack import connections

    previous = connections.connections_info
    alias = f"test-shop-{uuid.uuid4().hex[:10]}"
    info = {
        "default": {
            "ENGINE": "shop.searchengine.elasticsearch_backend.ElasticsearchEngine",
            "URL": ELASTICSEARCH_URL,
            "INDEX_NAME": alias,
            "REPLICAS": 0,
            "SILENTLY_FAIL": False,
        }
    }
    use_connection(settings, info)
    yield info
    backend = connections["default"].get_backend()
    names = backend.client.options(ignore_status=404).indices.get(index=f"{alias}-*").body or {}
    for name in names:
        backend.client.options(ignore_status=404).indices.delete(index=name)
    restore_search_connections(settings, previous)


def test_rebuild_moves_the_alias_with_no_downtime(catalogue, backend):
    from haystack.query import SearchQuerySet

    from shop.searchengine.indexing import document_batches

    before = backend.alias_indices()
    index = backend.unified_index.get_index(type(catalogue.products["gel"]))
    seen = []

    def batches():
        for batch in document_batches(backend, index, batch_size=3):
            seen.append(SearchQuerySet().count())
            yield batch

    assert backend.rebuild(batches()) == 7
    assert seen == [7, 7, 7]
    after = backend.alias_indices()
    assert len(after) == 1 and after != before
    assert SearchQuerySet().count() == 7
    assert backend.status()["documents"] == 7


def test_drift_on_elasticsearch(catalogue, backend):
    from shop.searchengine.indexing import find_drift, repair_drift

    index = backend.unified_index.get_index(type(catalogue.products["gel"]))
    catalogue.products["stapler"].delete()
    drift = find_drift(backend, index)
    assert (drift.missing, drift.stale, len(drift.extra)) == ([], [], 1)
    repair_drift(backend, index, drift)
    assert find_drift(backend, index).total == 0
