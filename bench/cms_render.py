"""Benchmark: a CMS promo page with 40 blocks, rendered uncached and from the body cache.

Sets up its own SQLite database and embedded search index in a temporary
directory (copying the migrated ``test-cms`` test database when one exists,
else migrating from scratch, ≈60 s), 300 indexed products and one promo page of
40 blocks: 8 search-fed product grids (12 products each, the buyer's price
through the core price chain), 2 hand-picked grids, 2 heroes with a picture,
2 picture-and-text blocks and 26 text/FAQ/CTA/countdown/coupon/video/tile/brand
blocks. It then requests ``/en/<page>/`` with Django's test client:

* *uncached*: the body cache cleared before every request (every block renders,
  every search runs, every product is priced);
* *cached*: the body comes from the cache (only the page shell renders).

Every request's queries are counted. Targets (issue 6): p95 ≤ 150 ms uncached,
≤ 10 ms cached, query count bounded.

    .venv/bin/python bench/cms_render.py
    .venv/bin/python bench/cms_render.py --record bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import shutil
import statistics
import time
from decimal import Decimal
from pathlib import Path

from benchkit import ROOT, isolated_environment, prepare_database, record_section

# DEBUG off as deployed: no SQL logging, no debug context
TMP = isolated_environment("cms-bench-", "dummy", ALLOWED_HOSTS="testserver", DEBUG="false")
os.environ.setdefault("SHOP_PLUGIN_STATE_TTL", "3600")

PRODUCTS = 300
UNCACHED_RUNS = 40
CACHED_RUNS = 200
SLUG = "bench-forty-blocks"


def build_catalog() -> list:
    from django.utils import translation
    from haystack import connections
    from oscar.core.loading import get_model

    translation.activate("en")
    Product = get_model("catalogue", "Product")
    ProductClass = get_model("catalogue", "ProductClass")
    Partner = get_model("partner", "Partner")
    StockRecord = get_model("partner", "StockRecord")
    Product.objects.filter(upc__startswith="CMSB-").delete()
    pclass, _ = ProductClass.objects.get_or_create(name="Bench stationery", defaults={"track_stock": True})
    partner, _ = Partner.objects.get_or_create(name="Bench supplier")
    kinds = ["gel pen", "notebook", "copy paper", "stapler", "marker", "folder"]
    Product.objects.bulk_create(
        Product(title=f"Bench {kinds[i % len(kinds)]} {i:04d}", slug=f"bench-{i:04d}", upc=f"CMSB-{i:04d}",
                structure="standalone", product_class=pclass, is_public=True)
        for i in range(PRODUCTS)
    )
    products = list(Product.objects.filter(upc__startswith="CMSB-").order_by("upc"))
    StockRecord.objects.bulk_create(
        StockRecord(product=p, partner=partner, partner_sku=f"CB-{i:04d}", price=Decimal("2.50") + i % 17,
                    price_currency="CNY", num_in_stock=1000)
        for i, p in enumerate(products)
    )
    backend = connections["default"].get_backend()
    index = connections["default"].get_unified_index().get_index(Product)
    backend.update(index, index.index_queryset())
    return products


def make_image():
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 200)).save(buffer, "JPEG")
    return get_image_model().objects.create(title="Bench banner", file=ImageFile(buffer, name="bench.jpg"))


def forty_blocks(products: list, image) -> list:
    import datetime

    from django.utils import timezone

    def grid(query: str, sort: str) -> tuple:
        return ("product_grid", {"title": query, "source": "search", "query": query, "filters": [], "sort": sort,
                                 "count": 12, "products": [], "layout": "grid"})

    ends = timezone.now() + datetime.timedelta(days=3)
    blocks = [
        ("hero", {"headline": "Back to school", "subline": "Cartons of pens", "button_text": "Shop",
                  "button_url": "/en/catalogue/", "image": image, "phone_image": image}),
        ("hero", {"headline": "Paper week", "subline": "", "button_text": "", "button_url": "", "image": image,
                  "phone_image": None}),
        ("image_text", {"image": image, "text": "<p>Our warehouse ships next day.</p>", "image_on_right": False}),
        ("image_text", {"image": image, "text": "<p>Recycled paper.</p>", "image_on_right": True}),
    ]
    for query, sort in [("gel pen", "price-asc"), ("notebook", "price-desc"), ("paper", "newest"),
                        ("stapler", "relevance"), ("marker", "price-asc"), ("folder", "bestselling"),
                        ("bench", "price-asc"), ("pen", "price-desc")]:
        blocks.append(grid(query, sort))
    blocks.append(("product_grid", {"title": "Picked", "source": "picked", "query": "", "filters": [],
                                    "sort": "relevance", "count": 12, "products": products[:12], "layout": "carousel"}))
    blocks.append(("product_grid", {"title": "Picked 2", "source": "picked", "query": "", "filters": [],
                                    "sort": "relevance", "count": 12, "products": products[100:112],
                                    "layout": "grid"}))
    fillers = [
        ("rich_text", "<h2>Why buy here</h2><p>Business prices, <b>bulk</b> quantities.</p>"),
        ("faq", {"title": "FAQ", "questions": [{"question": f"Question {i}?", "answer": "<p>Answer.</p>"}
                                               for i in range(5)]}),
        ("call_to_action", {"headline": "Open an account", "text": "Net 30 terms", "button_text": "Apply",
                            "button_url": "/en/accounts/register/"}),
        ("countdown", {"headline": "Flash sale", "ends_at": ends, "ended_text": "Over"}),
        ("coupon", {"code": "SCHOOL-5", "text": "5% off"}),
        ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": "How we pack"}),
        ("category_tiles", {"title": "Aisles", "categories": [{"name": f"Aisle {i}", "url": "/en/catalogue/",
                                                                 "image": None} for i in range(6)]}),
        ("brand_strip", {"title": "Brands", "brands": [{"name": f"Brand {i}", "logo": None, "url": ""}
                                                       for i in range(8)]}),
    ]
    while len(blocks) < 40:
        blocks.append(fillers[len(blocks) % len(fillers)])
    return blocks


def make_page(products: list, image):
    from wagtail.models import Site

    from cms.models import PromoPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    PromoPage.objects.filter(slug=SLUG).delete()
    page = PromoPage(title="Forty blocks", slug=SLUG, body=forty_blocks(products, image))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


class Sample:
    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.queries: list[int] = []


def measure(action, runs: int, clear_cache: bool) -> Sample:
    """Run ``action`` ``runs`` times: wall-clock and this process's CPU milliseconds, queries."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sample = Sample()
    for _ in range(runs):
        if clear_cache:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            wall, cpu = time.perf_counter(), time.process_time()
            action()
            sample.cpu.append((time.process_time() - cpu) * 1000)
            sample.wall.append((time.perf_counter() - wall) * 1000)
        sample.queries.append(len(captured))
    return sample


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="write the results into this markdown file's cms_render section")
    parser.add_argument(
        "--no-gc-freeze", action="store_true",
        help="measure without moving start-up objects out of the collector's reach (as shop.wsgi does)",
    )
    args = parser.parse_args()
    try:
        setup = prepare_database(TMP, [ROOT / "var" / "test-cms.sqlite3"])
        from django.test import Client  # no setup_test_environment(): its template instrumentation costs time

        products = build_catalog()
        page = make_page(products, make_image())
        client = Client()
        url = f"/en/{page.slug}/"
        response = client.get(url)  # warm: templates compiled, renditions created, index opened
        cards = response.content.decode().count('class="product_pod')
        request = response.wsgi_request  # with session, user, company, basket and strategy from the middleware
        if not args.no_gc_freeze:
            # what shop.wsgi does after start-up: the word-segmentation dictionaries and the loaded apps
            # (millions of long-lived objects) leave the collector's full passes
            gc.collect()
            gc.freeze()

        def get() -> None:
            assert client.get(url).status_code == 200

        def body() -> None:
            page.render_body(request)

        rows = [
            ("page request, uncached", measure(get, UNCACHED_RUNS, clear_cache=True), UNCACHED_RUNS),
            ("page request, cached", measure(get, CACHED_RUNS, clear_cache=False), CACHED_RUNS),
            ("40-block body render, uncached", measure(body, UNCACHED_RUNS, clear_cache=True), UNCACHED_RUNS),
            ("40-block body render, cached", measure(body, CACHED_RUNS, clear_cache=False), CACHED_RUNS),
        ]
        load = os.getloadavg()[0]
    finally:
        shutil.rmtree(TMP, ignore_errors=True)

    lines = [
        "## cms_render",
        "",
        f"2026-11-25, machine: 2 cores, 24 GB. `bench/cms_render.py`: `GET /en/{SLUG}/` — a promo page of 40 blocks "
        f"(8 search-fed product grids of 12, 2 hand-picked grids, 2 heroes and 2 picture+text blocks with renditions, "
        f"26 text/FAQ/CTA/countdown/coupon/video/tile/brand blocks), {cards} product cards priced through the core "
        f"price chain, {PRODUCTS} products in the embedded index, SQLite, local-memory cache, dummy plugin on. "
        "*Page request*: the whole request through Django's test client (middleware, session, company, basket, "
        "header and navigation); *body render*: `page.render_body(request)`, the part the CMS renders and caches "
        f"per language, currency and price audience. Setup: {setup}. Load average during the run: {load:.1f} "
        "(the machine is shared, so wall-clock times carry other processes' waits; CPU ms is this process's own).",
        "",
        "| what | runs | p50 ms | p95 ms | p50 CPU ms | p95 CPU ms | queries (min–max) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, sample, runs in rows:
        lines.append(
            f"| {name} | {runs} | {statistics.median(sample.wall):.1f} | {p95(sample.wall):.1f} | "
            f"{statistics.median(sample.cpu):.1f} | {p95(sample.cpu):.1f} | "
            f"{min(sample.queries)}–{max(sample.queries)} |"
        )
    report = "\n".join(lines)
    print(report)
    if args.record:
        record_section(args.record, "## cms_render", report)
        print(f"recorded in {args.record}")


if __name__ == "__main__":
    main()
