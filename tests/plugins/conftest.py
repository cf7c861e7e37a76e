"""Fixtures for the plugin framework's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.conftest import restore_search_connections


@pytest.fixture
def private_index(settings, tmp_path) -> Iterator[Callable[[], None]]:
    """An empty search index of this test's own; call the fixture's value to index every product now in the DB."""
    from haystack import connections
    from oscar.core.loading import get_model

    previous = connections.connections_info
    info = {"default": {"ENGINE": "shop.searchengine.embedded.EmbeddedEngine", "PATH": str(tmp_path / "index"),
                        "SILENTLY_FAIL": False, "WRITER_TIMEOUT": 5}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")

    def index_all() -> None:
        index = connections["default"].get_unified_index().get_index(get_model("catalogue", "Product"))
        connections["default"].get_backend().update(index, index.index_queryset())

    yield index_all
    restore_search_connections(settings, previous)
