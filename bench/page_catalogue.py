"""Benchmark: the catalogue, category and search pages as HTML, server side, on the embedded engine.

Renders each page through Django's test client (middleware, views, templates: everything but the
network) against the configured database and search index, and prints wall-clock p50/p95, the
process CPU time per request (p50; less sensitive to other load on a shared machine) and the SQL
queries of one request. Build the data first (a copy, never the live database)::

    export DATABASE_URL=sqlite:////tmp/bench.sqlite3 SHOP_VAR_DIR=/tmp/benchvar
    .venv/bin/python bench/search_catalog.py --products 100000
    .venv/bin/python manage.py search_reindex --no-progress
    .venv/bin/python bench/page_catalogue.py --repeat 30
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ.setdefault("LOG_LEVEL", "ERROR")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def pages() -> list[tuple[str, str]]:
    from oscar.core.loading import get_model

    category = get_model("catalogue", "Category").objects.filter(depth=2).order_by("path").first()
    out = [
        ("catalogue, 24 cards", "/en/catalogue/"),
        (
            "catalogue, page 3, in stock, by price",
            "/en/catalogue/?page=3&sort_by=price-asc&selected_facets=in_stock:true",
        ),
        ("search 'gel pen'", "/en/search/?q=gel+pen"),
        ("search '中性笔'", "/zh-hans/search/?q=%E4%B8%AD%E6%80%A7%E7%AC%94"),
        ("search pinyin 'zhongxingbi'", "/en/search/?q=zhongxingbi"),
        ("search typo 'stapeler'", "/en/search/?q=stapeler"),
    ]
    if category is not None:
        out.insert(2, (f"category '{category.name}'", category.get_absolute_url()))
    return out


def measure(client, url: str, repeat: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

    response = client.get(url)  # warm-up: caches, the index reader, template loading
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the next request resets Django's query log
    setup_test_environment()  # response.context for the hit count; not while timing
    try:
        response = client.get(url)
        paginator = response.context["paginator"]
        hits, cards = paginator.count, len(response.context["page_obj"].object_list)
    finally:
        teardown_test_environment()
    samples, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return {
        "p50": statistics.median(samples),
        "p95": percentile(samples, 0.95),
        "cpu50": statistics.median(cpu),
        "queries": query_count,
        "hits": hits,
        "cards": cards,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from haystack import connections
    from oscar.core.loading import get_model

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    products = get_model("catalogue", "Product").objects.browsable().count()
    indexed = connections["default"].get_backend().document_count()
    print(f"{products:,} browsable products, {indexed:,} indexed; load average {os.getloadavg()[0]:.1f}")
    client = Client()
    print(f"{'page':42} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'queries':>8} {'cards':>6} {'hits':>8}")
    for name, url in pages():
        result = measure(client, url, args.repeat)
        print(
            f"{name:42} {result['p50']:8.1f} {result['p95']:8.1f} {result['cpu50']:8.1f} {result['queries']:8d}"
            f" {result['cards']:6d}"
            f" {result['hits']:8,}"
        )


if __name__ == "__main__":
    main()
