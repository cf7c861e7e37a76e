"""A 5,000-row file imports in bulk: a bounded number of queries, and at least 1,000 rows/s on SQLite.

The rates are printed (run with ``-s`` to see them next to the test).
"""

from __future__ import annotations

import random
import time
from decimal import Decimal

import pytest
from django.db import connection
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")

ROWS = 5000
COLOURS = ["black", "blue", "red", "green", "黑色", "蓝色"]
CATEGORIES = ["Writing > Gel pens", "Writing > Ballpoint pens", "Paper > Copy paper", "Office Supplies > Binders"]


def catalog_file(rows: int, price_bump: int = 0) -> bytes:
    rng = random.Random(7)
    lines = [
        "sku,upc,title_en,title_zh_hans,category,product_class,brand,price,price_USD,stock,colour,tip_size,pack_size"
    ]
    for n in range(rows):
        cents = rng.randint(50, 5000) + (price_bump if n % 10 == 0 else 0)
        lines.append(
            f"SKU-{n:05d},69{n:011d},Gel pen {n} {rng.choice(COLOURS)},中性笔 {n},{rng.choice(CATEGORIES)},"
            f"Pen {n % 5},Brand {n % 12},{Decimal(cents) / 100},{Decimal(cents) / 700:.2f},{rng.randint(0, 900)},"
            f"{rng.choice(COLOURS)},0.{rng.choice([38, 5, 7])} mm,{rng.choice([1, 10, 12])}"
        )
    return ("\n".join(lines) + "\n").encode()


class QueryCounter:
    """Counts queries without the debug cursor (whose bookkeeping would slow the timed runs)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(run_import, data: bytes):
    counter = QueryCounter()
    cpu = time.process_time()
    with connection.execute_wrapper(counter):
        result = run_import(data)
    return result, time.process_time() - cpu, counter.count


def test_five_thousand_rows(run_import, capsys):
    data = catalog_file(ROWS)

    created, created_cpu, created_queries = timed(run_import, data)
    unchanged, unchanged_cpu, unchanged_queries = timed(run_import, data)
    updated, updated_cpu, _ = timed(run_import, catalog_file(ROWS, price_bump=7))

    assert (created.created, created.failed) == (ROWS, 0)
    assert unchanged.unchanged == ROWS
    assert (updated.updated, updated.unchanged) == (ROWS // 10, ROWS - ROWS // 10)
    assert StockRecord.objects.count() == ROWS
    chunks = ROWS // 500
    # bulk writes: SQLite's 999-parameter limit splits each bulk_create into batches of ~60 rows at worst
    assert created_queries < ROWS / 5
    assert unchanged_queries <= 5 * chunks + 10  # a re-import only reads: four queries per chunk
    with capsys.disabled():
        for name, result, cpu in (
            ("create", created, created_cpu),
            ("unchanged", unchanged, unchanged_cpu),
            ("update 10%", updated, updated_cpu),
        ):
            print(
                f"\n{ROWS} rows, {name}: {result.seconds:.2f} s wall ({result.rows_per_second:.0f} rows/s), "
                f"{cpu:.2f} s CPU ({ROWS / cpu:.0f} rows/s)",
                end="",
            )
        print(f"\nqueries: {created_queries} to create, {unchanged_queries} to find nothing changed")
    # CPU time, so that a busy machine (parallel test runs) does not fail the target
    assert ROWS / created_cpu >= 1000
    assert ROWS / unchanged_cpu >= 1000
