"""Search test fixtures: a private embedded index per test and a small stationery catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import restore_search_connections


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalog():
    """The search app's zh_Hans catalog compiled (``make messages`` does it too; .mo files are not committed)."""
    import polib
    from django.utils.translation import trans_real

    po = Path(__file__).resolve().parents[2] / "shop/apps/search/locale/zh_Hans/LC_MESSAGES/django.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        polib.pofile(str(po)).save_as_mofile(str(mo))
        trans_real._translations = {}
        trans_real._default = None


def use_connection(settings, info: dict) -> None:
    from haystack import connections

    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")


@pytest.fixture
def search_index(settings, tmp_path):
    """An empty embedded index under this test's tmp dir; errors surface (SILENTLY_FAIL off)."""
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
    use_connection(settings, info)
    yield info
    restore_search_connections(settings, previous)


@pytest.fixture
def backend(search_index):
    from haystack import connections

    return connections["default"].get_backend()


@dataclass
class Catalogue:
    products: dict
    categories: dict


def make_catalogue() -> Catalogue:
    from oscar.apps.catalogue.categories import create_from_breadcrumbs
    from oscar.core.loading import get_model
    from oscar.test.factories import create_product

    product_category = get_model("catalogue", "ProductCategory")
    categories = {
        "pens": create_from_breadcrumbs("Writing > Pens"),
        "paper": create_from_breadcrumbs("Paper"),
        "office": create_from_breadcrumbs("Office"),
    }
    rows = [
        # key, title, class, price, stock, category
        ("gel", "Gel Pen Blue 0.5mm 中性笔", "Pens", "12.00", 100, "pens"),
        ("ballpoint", "Ballpoint pen black 圆珠笔", "Pens", "3.50", 40, "pens"),
        ("fountain", "Fountain pen gift set", "Pens", "88.00", 3, "pens"),
        ("pencil", "HB Pencil 铅笔 box of 12", "Pens", None, None, "pens"),
        ("paper", "A4复印纸 copy paper 500 sheets", "Paper", "25.00", 500, "paper"),
        ("notes", "Sticky notes 便利贴 yellow", "Paper", "20.00", 60, "paper"),
        ("stapler", "Stapler 订书机 heavy duty", "Office", "45.00", 7, "office"),
    ]
    products = {}
    for key, title, product_class, price, stock, category in rows:
        product = create_product(
            title=title,
            product_class=product_class,
            price=Decimal(price) if price else None,
            num_in_stock=stock,
            upc=f"UPC-{key.upper()}",
        )
        product_category.objects.create(product=product, category=categories[category])
        products[key] = product
    products["secret"] = create_product(
        title="Secret prototype pen", product_class="Pens", price=Decimal("5.00"), num_in_stock=1, is_public=False
    )
    return Catalogue(products, categories)


@pytest.fixture
def catalogue(db, backend):
    """Seven public products and one hidden one, indexed."""
    from haystack import connections

    data = make_catalogue()
    index = connections["default"].get_unified_index().get_index(type(data.products["gel"]))
    backend.update(index, index.index_queryset())
    return data


@pytest.fixture(autouse=True)
def _no_cached_synonyms():
    """Synonym sets are cached; a rolled-back test's sets must not reach the next test."""
    from django.core.cache import cache

    from shop.apps.search.synonyms import CACHE_KEY

    cache.delete(CACHE_KEY)
    yield
    cache.delete(CACHE_KEY)


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English; a request to a /zh-hans/ page leaves Chinese active otherwise."""
    from django.utils import translation

    with translation.override("en"):
        yield
