"""Catalog import fixtures: a supplier, private media storage, sample files, a search backend that records."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import restore_search_connections

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English; a request to a /zh-hans/ page leaves Chinese active otherwise."""
    from django.utils import translation

    with translation.override("en"):
        yield


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
    restore_search_connections(settings, previous)


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


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalog():
    """The app's zh_Hans catalog compiled (``make messages`` does it too; .mo files are not committed)."""
    import polib
    from django.utils.translation import trans_real

    po = Path(__file__).resolve().parents[2] / "shop/catalogimport/locale/zh_Hans/LC_MESSAGES/django.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        polib.pofile(str(po)).save_as_mofile(str(mo))
        trans_real._translations = {}
        trans_real._default = None
