"""CMS test fixtures: the site's home page, an indexed stationery catalogue and a page factory."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.conftest import restore_search_connections
from tests.search.conftest import make_catalogue


@pytest.fixture
def search_index(settings, tmp_path):
    from haystack import connections

    previous = connections.connections_info
    info = {
        "default": {
            "ENGINE": "shop.searchengine.embedded.EmbeddedEngine",
            "PATH": str(tmp_path / "index"),
            "SILENTLY_FAIL": False,
            "WRITER_TIMEOUT": 5,
        }
    }
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    yield info
    restore_search_connections(settings, previous)


@pytest.fixture
def catalogue(db, search_index):
    """Seven public products (one without a price) and one hidden one, all indexed."""
    from haystack import connections

    data = make_catalogue()
    index = connections["default"].get_unified_index().get_index(type(data.products["gel"]))
    connections["default"].get_backend().update(index, index.index_queryset())
    return data


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def make_promo(home):
    """Add a live promo page under the home page with the given body blocks."""
    from cms.models import PromoPage

    def make(body: list, slug: str = "spring-sale", title: str = "Spring sale", **fields) -> PromoPage:
        page = PromoPage(title=title, slug=slug, body=body, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


def grid(**value) -> tuple[str, dict]:
    defaults = {"title": "", "source": "search", "query": "", "filters": [], "sort": "relevance", "count": 12,
                "products": [], "layout": "grid"}
    return ("product_grid", {**defaults, **value})


def in_hours(hours: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


__all__ = ["Decimal", "grid", "in_hours"]
