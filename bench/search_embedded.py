"""Benchmark: the embedded (tantivy) search engine against haystack's Whoosh backend, same documents.

Generates N synthetic stationery products as Oscar's ProductIndex would prepare them (English + Chinese
titles, classes, categories, prices, ratings), indexes them into both engines, then times what Oscar's
search page asks for: a text query, the first page of 24 results, the field facets (and, embedded only —
Whoosh cannot do them — the price-range query facets). No database is needed.

    .venv/bin/python bench/search_embedded.py --n 20000 --repeat 30
    .venv/bin/python bench/search_embedded.py --n 100000 --no-whoosh --record bench/results/search_embedded.json
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

KINDS = [
    ("gel pen", "中性笔", "Pens"),
    ("ballpoint pen", "圆珠笔", "Pens"),
    ("pencil", "铅笔", "Pens"),
    ("highlighter", "荧光笔", "Pens"),
    ("refill", "笔芯", "Pens"),
    ("copy paper", "复印纸", "Paper"),
    ("notebook", "笔记本", "Paper"),
    ("sticky notes", "便利贴", "Paper"),
    ("ring binder", "活页本", "Paper"),
    ("stapler", "订书机", "Office"),
    ("file folder", "文件夹", "Office"),
    ("binder clips", "长尾夹", "Office"),
]
BRANDS = ["Deli 得力", "M&G 晨光", "Pilot", "Zebra", "Staedtler", "Comix 齐心", "Uni", "Kokuyo"]
COLOURS = [("black", "黑色"), ("blue", "蓝色"), ("red", "红色"), ("green", "绿色")]
SIZES = ["0.38mm", "0.5mm", "0.7mm", "A4", "A5", "B5", "70g", "80g", "box of 12", "pack of 100"]
QUERIES = ["pen", "中性笔", "copy paper a4", "blue gel pens", "订书机", "notebook 笔记本 a5", "deli"]


def prepared_documents(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    docs = []
    for pk in range(1, n + 1):
        en, zh, product_class = rng.choice(KINDS)
        colour_en, colour_zh = rng.choice(COLOURS)
        brand = rng.choice(BRANDS)
        title = f"{brand} {colour_en} {en} {rng.choice(SIZES)} {colour_zh}{zh}"
        price = round(rng.uniform(0.5, 120), 2)
        stock = rng.randint(0, 500)
        rating = rng.choice([None, 1, 2, 3, 4, 5])
        created = start + datetime.timedelta(minutes=pk)
        categories = [str(rng.randint(1, 40)), str(rng.randint(41, 60))]
        docs.append(
            {
                "id": f"catalogue.product.{pk}",
                "django_ct": "catalogue.product",
                "django_id": str(pk),
                "text": f"SKU-{pk:07d}\n{title}\nQuality {en} for office and school, {zh}。",
                "upc": f"SKU-{pk:07d}",
                "title": title,
                "title_exact": title,
                "product_class": product_class,
                "category": categories,
                "category_exact": categories,
                "price": price,
                "price_exact": price,
                "num_in_stock": stock,
                "num_in_stock_exact": stock,
                "rating": rating,
                "rating_exact": rating,
                "suggestions": title,
                "date_created": created,
                "date_updated": created,
                "is_public": True,
                "structure": "standalone",
            }
        )
    return docs


class PreparedIndex:
    """Stands in for a SearchIndex: the 'objects' are already prepared documents."""

    def full_prepare(self, obj: dict) -> dict:
        return {key: value for key, value in obj.items() if value is not None}  # as SearchIndex.full_prepare


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def time_query(run, repeat: int) -> dict:
    run()  # warm-up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return {"p50": statistics.median(samples), "p95": percentile(samples, 0.95)}


def search_page(alias: str, query: str, price_ranges: bool):
    from haystack.query import SearchQuerySet

    def run():
        sqs = SearchQuerySet(using=alias).filter_and(is_public="true", structure__in=["standalone", "parent"])
        sqs = sqs.auto_query(query).facet("product_class").facet("rating")
        if price_ranges:
            for bounds in ("[0 TO 20]", "[20 TO 40]", "[40 TO 60]", "[60 TO *]"):
                sqs = sqs.query_facet("price", bounds)
        page = list(sqs[:24])
        counts = sqs.facet_counts()
        return sqs.count(), page, counts

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20_000, help="number of products")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query")
    parser.add_argument("--no-whoosh", action="store_true", help="embedded engine only")
    parser.add_argument("--record", type=Path, help="write the results as JSON here")
    args = parser.parse_args()

    import django

    django.setup()
    import tantivy
    from django.conf import settings
    from haystack import connections

    from shop.searchengine import analysis

    workdir = Path(tempfile.mkdtemp(prefix="search-bench-"))
    settings.HAYSTACK_CONNECTIONS = connections.connections_info = {
        "default": {"ENGINE": "shop.searchengine.embedded.EmbeddedEngine", "PATH": str(workdir / "embedded")},
        "whoosh": {"ENGINE": "haystack.backends.whoosh_backend.WhooshEngine", "PATH": str(workdir / "whoosh")},
    }
    docs = prepared_documents(args.n)
    analysis.jieba_tokenizer()  # load the dictionary outside the timings
    report: dict = {
        "n": args.n,
        "date": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "tantivy": tantivy.__version__,
        "cpu": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }

    embedded = connections["default"].get_backend()
    started = time.perf_counter()
    batches = (embedded.prepare_documents(PreparedIndex(), docs[i : i + 1000]) for i in range(0, len(docs), 1000))
    embedded.rebuild(batches)
    seconds = time.perf_counter() - started
    report["embedded_index_docs_per_s"] = args.n / seconds
    print(f"embedded: indexed {args.n} docs in {seconds:.1f}s ({args.n / seconds:,.0f} docs/s, incl. jieba)")

    if not args.no_whoosh:
        whoosh = connections["whoosh"].get_backend()
        started = time.perf_counter()
        whoosh.update(PreparedIndex(), docs)  # one writer and commit: haystack's fastest Whoosh path
        seconds = time.perf_counter() - started
        report["whoosh_index_docs_per_s"] = args.n / seconds
        print(f"whoosh:   indexed {args.n} docs in {seconds:.1f}s ({args.n / seconds:,.0f} docs/s)")

    header = f"{'query':24} {'hits':>7}  {'embedded p50/p95 ms':>20}  {'+price ranges':>14}"
    print(f"\n{header}" if args.no_whoosh else f"\n{header}  {'whoosh p50/p95 ms':>18}  ratio")
    rows = []
    for query in QUERIES:
        hits = search_page("default", query, False)()[0]
        emb = time_query(search_page("default", query, False), args.repeat)
        emb_ranges = time_query(search_page("default", query, True), args.repeat)
        row = {"query": query, "hits": hits, "embedded": emb, "embedded_with_price_ranges": emb_ranges}
        line = (
            f"{query:24} {hits:>7}  {emb['p50']:>9.2f} / {emb['p95']:>7.2f}  {emb_ranges['p50']:>6.2f} / "
            f"{emb_ranges['p95']:>5.2f}"
        )
        if not args.no_whoosh:
            who = time_query(search_page("whoosh", query, False), max(args.repeat // 3, 5))
            row["whoosh"] = who
            row["whoosh_hits"] = search_page("whoosh", query, False)()[0]
            ratio = who["p50"] / emb["p50"]
            line += f"  {who['p50']:>8.2f} / {who['p95']:>7.2f}  {ratio:>5.1f}x  ({row['whoosh_hits']} hits)"
        rows.append(row)
        print(line)
    report["queries"] = rows
    if args.record:
        args.record.parent.mkdir(parents=True, exist_ok=True)
        args.record.write_text(json.dumps(report, indent=1, ensure_ascii=False))
        print(f"\nrecorded in {args.record}")


if __name__ == "__main__":
    main()
