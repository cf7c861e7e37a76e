"""Catalog import fixtures: a supplier, private media storage, sample files, a search backend that records."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _simple_search(settings):
    """Haystack's simple engine (its update is a no-op): no index files written by import tests."""
    from haystack import connections

    previous = connections.connections_info
    info = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    yield
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
