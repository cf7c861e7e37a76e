"""Catalog import fixtures: a supplier, private media storage, sample files, a search backend that records."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def search_updates(settings):
    """A search engine that records the product ids sent to it: import tests write no index files."""
    from haystack import connections

    from .search_backend import UPDATES

    previous = connections.connections_info
    info = {"default": {"ENGINE": "tests.catalogimport.search_backend.RecordingEngine"}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    UPDATES.clear()
    yield UPDATES
    connections.connections_info = previous
    connections.reload("default")


@pytest.fixture
def fixture_bytes():
    def read(name: str) -> bytes:
        return (FIXTURES / name).read_bytes()

    return read


@pytest.fixture
def supplier(db):
    from oscar.core.loading import get_model

    return get_model("partner", "Partner").objects.create(code="acme", name="Acme Stationery")


@pytest.fixture
def other_supplier(db):
    from oscar.core.loading import get_model

    return get_model("partner", "Partner").objects.create(code="brightpen", name="Brightpen Trading")


@pytest.fixture
def run_import(supplier):
    """``run_import(data, **options)``: import bytes for the ``acme`` supplier."""
    from shop.catalogimport.services import import_catalog

    def run(data: bytes, **options):
        options.setdefault("supplier", supplier)
        return import_catalog(data, **options)

    return run
