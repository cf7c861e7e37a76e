"""Benchmark: a full rebuild of the embedded search index from the database, bulk path vs per-object path.

Reads the products of the configured database (e.g. a copy filled by ``bench/search_catalog.py`` or
``manage.py demo_data``), prepares every document and writes a new embedded index build, twice:

* **bulk**: ``ProductIndex.bulk_preparer()`` — a fixed number of ``values()`` queries per batch, no
  model instances (what ``search_reindex``, the sweeper and ``update_products`` use);
* **per object**: the prefetched-queryset path through haystack's ``full_prepare`` and a document
  rendering per language (what ran before, kept as the fallback).

Prints docs/s for each and the time split of the bulk path (database + preparation, flattening to
engine fields, tantivy writing). Run against a copy, never the live database::

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 SHOP_VAR_DIR=/tmp/benchvar .venv/bin/python bench/reindex_speed.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def engine(path: str):
    from django.conf import settings
    from haystack import connections

    info = {"default": {"ENGINE": "shop.searchengine.embedded.EmbeddedEngine", "PATH": path, "SILENTLY_FAIL": False}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    return connections["default"].get_backend(), connections["default"].get_unified_index()


def bulk_run(backend, index, batch_size: int) -> dict:
    from shop.searchengine.indexing import iter_pk_batches

    split = {"read+prepare": 0.0, "flatten": 0.0}
    bulk = index.bulk_preparer()

    def batches():
        for pks in iter_pk_batches(index.index_queryset(), batch_size):
            started = time.perf_counter()
            prepared = bulk.prepare(pks)
            middle = time.perf_counter()
            documents = backend.documents_from_prepared(prepared)
            split["read+prepare"] += middle - started
            split["flatten"] += time.perf_counter() - middle
            yield documents

    started, cpu = time.perf_counter(), time.process_time()
    written = backend.rebuild(batches())
    total = time.perf_counter() - started
    split["tantivy write+commit"] = total - split["read+prepare"] - split["flatten"]
    return {"docs": written, "seconds": total, "cpu": time.process_time() - cpu, "split": split}


def per_object_run(backend, index, batch_size: int) -> dict:
    from shop.searchengine.indexing import batch_preparer, bulk_queryset, iter_object_batches

    preparer = batch_preparer(index)

    def batches():
        for objects in iter_object_batches(bulk_queryset(index), batch_size):
            yield backend.prepare_documents(preparer, objects)

    started, cpu = time.perf_counter(), time.process_time()
    written = backend.rebuild(batches())
    return {"docs": written, "seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--no-per-object", action="store_true", help="skip the slow per-object run")
    parser.add_argument("--once", action="store_true", help="skip the second (warm-cache) bulk run")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from oscar.core.loading import get_model

    from shop.searchengine import analysis, pinyin

    analysis.jieba_tokenizer()  # loaded once per process (~0.8 s); not part of the index build
    pinyin.warm_up()  # pypinyin's import and dictionaries (~1.4 s), likewise
    product = get_model("catalogue", "Product")
    with tempfile.TemporaryDirectory() as tmp:
        backend, unified = engine(str(Path(tmp) / "index"))
        index = unified.get_index(product)
        print(f"database: {connection.vendor}, {index.index_queryset().count():,} browsable products")
        bulk = bulk_run(backend, index, args.batch_size)
        rate = bulk["docs"] / bulk["seconds"]
        print(
            f"bulk path:       {bulk['docs']:,} docs in {bulk['seconds']:.2f} s = {rate:,.0f} docs/s "
            f"(CPU {bulk['cpu']:.2f} s, all threads)"
        )
        for part, seconds in bulk["split"].items():
            share, per_doc = seconds / bulk["seconds"], seconds / bulk["docs"] * 1e6
            print(f"  {part:22} {seconds:6.2f} s  ({share:.0%}, {per_doc:.0f} µs/doc)")
        if not args.once:
            again = bulk_run(backend, index, args.batch_size)
            print(
                f"bulk path again: {again['docs'] / again['seconds']:,.0f} docs/s, "
                f"{again['docs'] / again['cpu']:,.0f} docs per CPU-s (segmenter and price caches warm)"
            )
        print(f"docs per CPU-second (bulk, in process): {bulk['docs'] / bulk['cpu']:,.0f}")
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        if not args.no_per_object:
            slow = per_object_run(backend, index, args.batch_size)
            slow_rate = slow["docs"] / slow["seconds"]
            print(
                f"per-object path: {slow['docs']:,} docs in {slow['seconds']:.2f} s = {slow_rate:,.0f} docs/s "
                f"(CPU {slow['cpu']:.2f} s)"
            )
            print(f"ratio: bulk is {rate / slow_rate:.1f}× faster")


if __name__ == "__main__":
    main()
