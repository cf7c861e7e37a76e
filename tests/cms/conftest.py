"""CMS test fixtures: the site's home page, an indexed stationery catalogue and a page factory."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.search.conftest import make_catalogue, search_index  # noqa: F401 - the search tests' private index


@pytest.fixture
def catalogue(db, request, django_capture_on_commit_callbacks):
    """Seven public products (one without a price) and one hidden one, all indexed."""
    from haystack import connections

    request.getfixturevalue("search_index")
    with django_capture_on_commit_callbacks(execute=True):  # as if committed: the cache versions move now
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
def make_promo(home, django_capture_on_commit_callbacks):
    """Add a live promo page under the home page with the given body blocks."""
    from cms.models import PromoPage

    def make(body: list, slug: str = "spring-sale", title: str = "Spring sale", **fields) -> PromoPage:
        page = PromoPage(title=title, slug=slug, body=body, **fields)
        with django_capture_on_commit_callbacks(execute=True):
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

