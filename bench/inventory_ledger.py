"""Benchmark: the stock ledger's write rate and ``reserve_order`` latency for 20-line orders.

Sets up its own database: a copy of the migrated ``test-inventory`` SQLite test
database (``var/test-inventory.sqlite3``; else migrates from scratch), or the
PostgreSQL database given with ``--database-url`` (migrated first). Then:

* single receipts (``receive_stock``, one transaction each) → movements/s;
* one bulk stock count (``set_quantities``, 3 × 1,000 lines) → movements/s;
* 100 orders of 20 lines over 3 warehouses each: ``reserve_order`` then
  ``ship_order_lines`` per order, each in its own transaction → p50/p95 ms and queries per order;
* ``manage.py inventory_check`` over everything written.

    .venv/bin/python bench/inventory_ledger.py
    .venv/bin/python bench/inventory_ledger.py --database-url postgres://postgres@127.0.0.1:5432/shop_inventory
    .venv/bin/python bench/inventory_ledger.py --record bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="inventory-bench-"))

ORDERS = 100
LINES = 20
PRODUCTS = 1000
RECEIPTS = 500


def configure(database_url: str | None) -> str:
    os.environ["SHOP_PLUGINS"] = "dummy"
    os.environ["SHOP_VAR_DIR"] = str(TMP)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        how = "PostgreSQL " + database_url.rsplit("/", 1)[-1]
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{TMP / 'bench.sqlite3'}"
        source = ROOT / "var" / "test-inventory.sqlite3"
        how = "SQLite, migrated from scratch"
        if source.exists():
            shutil.copyfile(source, TMP / "bench.sqlite3")
            how = "SQLite, copy of test-inventory"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    return how


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def run() -> dict:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from oscar.core.loading import get_model
    from oscar.test import factories

    from shop.inventory.models import StockMovement, Warehouse
    from shop.inventory.services import (
        StockLine,
        receive_stock,
        reserve_order,
        set_quantities,
        ship_order_lines,
    )

    Order = get_model("order", "Order")
    Line = get_model("order", "Line")
    Product = get_model("catalogue", "Product")
    StockRecord = get_model("partner", "StockRecord")

    stamp = str(time.time_ns())[-8:]
    partner = factories.PartnerFactory(name=f"Bench {stamp}")
    warehouses = [
        Warehouse.objects.create(partner=partner, code=f"b{stamp}-{i}", name=f"DC {i}", city=city, priority=i)
        for i, city in enumerate(["Shanghai", "Beijing", "Guangzhou"])
    ]
    product_class = factories.ProductClassFactory(name=f"Bench {stamp}")
    Product.objects.bulk_create(
        [
            Product(title=f"Pen {i}", upc=f"B{stamp}{i:05d}", product_class=product_class, structure="standalone")
            for i in range(PRODUCTS)
        ]
    )
    products = list(Product.objects.filter(upc__startswith=f"B{stamp}").order_by("pk"))
    StockRecord.objects.bulk_create(
        [
            StockRecord(product=p, partner=partner, partner_sku=p.upc, price=Decimal("3.50"), price_currency="CNY")
            for p in products
        ]
    )
    records = list(StockRecord.objects.filter(partner=partner).select_related("product").order_by("pk"))
    result: dict = {"movements_before": StockMovement.objects.count()}

    # bulk stock count: 3 warehouses x 1000 records
    started = time.perf_counter()
    written = set_quantities(StockLine(w, r, 400) for w in warehouses for r in records)
    elapsed = time.perf_counter() - started
    result["bulk"] = (written, elapsed, written / elapsed)

    # single receipts, one transaction each
    started = time.perf_counter()
    for i in range(RECEIPTS):
        receive_stock(warehouses[i % 3], records[i % PRODUCTS], 5, reference="bench")
    elapsed = time.perf_counter() - started
    result["single"] = (RECEIPTS, elapsed, RECEIPTS / elapsed)

    # 100 orders x 20 lines
    country = get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="CN", defaults={"printable_name": "China", "name": "China"}
    )[0]
    orders = []
    for n in range(ORDERS):
        address = get_model("order", "ShippingAddress").objects.create(
            first_name="Li", last_name="Wei", line1="1 Road", line4="Shanghai", country=country
        )
        order = Order.objects.create(
            number=f"B{stamp}{n:04d}",
            currency="CNY",
            total_incl_tax=Decimal("0"),
            total_excl_tax=Decimal("0"),
            shipping_address=address,
            guest_email="bench@example.com",
        )
        Line.objects.bulk_create(
            [
                Line(
                    order=order,
                    partner=partner,
                    partner_name=partner.name,
                    partner_sku=r.partner_sku,
                    stockrecord=r,
                    product=r.product,
                    title=r.product.title,
                    quantity=1 + (n + i) % 7,
                    num_allocated=0,
                    line_price_incl_tax=Decimal("1"),
                    line_price_excl_tax=Decimal("1"),
                    line_price_before_discounts_incl_tax=Decimal("1"),
                    line_price_before_discounts_excl_tax=Decimal("1"),
                )
                for i, r in enumerate(records[(n * LINES) % PRODUCTS : (n * LINES) % PRODUCTS + LINES])
            ]
        )
        orders.append(order)
    reserve_ms, reserve_q, ship_ms, ship_q = [], [], [], []
    for order in orders:
        connection.queries_log.clear()  # the log keeps 9,000 entries; counts break once it wraps
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            with transaction.atomic():
                reserve_order(order)
            reserve_ms.append((time.perf_counter() - started) * 1000)
        reserve_q.append(len(queries))
        quantities = {line.pk: line.quantity for line in order.lines.all()}
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            with transaction.atomic():
                ship_order_lines(order, quantities)
            ship_ms.append((time.perf_counter() - started) * 1000)
        ship_q.append(len(queries))
    result["reserve"] = (
        statistics.median(reserve_ms),
        percentile(reserve_ms, 95),
        statistics.median(reserve_q),
        ORDERS / (sum(reserve_ms) / 1000),
    )
    result["ship"] = (statistics.median(ship_ms), percentile(ship_ms, 95), statistics.median(ship_q))
    result["movements_after"] = StockMovement.objects.count()

    from io import StringIO

    from django.core.management import call_command

    started = time.perf_counter()
    out = StringIO()
    call_command("inventory_check", "--no-progress", stdout=out)
    result["check"] = (time.perf_counter() - started, out.getvalue().strip())
    return result


def report(how: str, r: dict) -> str:
    written, bulk_s, bulk_rate = r["bulk"]
    single, single_s, single_rate = r["single"]
    rp50, rp95, rq, rate = r["reserve"]
    sp50, sp95, sq = r["ship"]
    check_s, check_out = r["check"]
    return "\n".join(
        [
            f"### Inventory ledger — 2026-11-25, machine: 2 cores, 24 GB ({how})",
            "",
            "`bench/inventory_ledger.py`: movements written and reservations for 20-line orders over 3 warehouses.",
            "",
            "| step | count | time | rate / latency | queries |",
            "|---|---|---|---|---|",
            f"| bulk stock count `set_quantities` | {written} movements | {bulk_s:.2f} s"
            f" | {bulk_rate:,.0f} movements/s | — |",
            f"| single receipts `receive_stock` (1 tx each) | {single} movements | {single_s:.2f} s"
            f" | {single_rate:,.0f} movements/s | — |",
            f"| `reserve_order`, 20 lines | {ORDERS} orders | — | p50 {rp50:.1f} ms, p95 {rp95:.1f} ms"
            f" ({rate:.0f} orders/s) | {rq:.0f} per order |",
            f"| `ship_order_lines`, 20 lines | {ORDERS} orders | — | p50 {sp50:.1f} ms, p95 {sp95:.1f} ms"
            f" | {sq:.0f} per order |",
            f"| `inventory_check` | {r['movements_after']} movements in ledger | {check_s:.2f} s | {check_out} | — |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a PostgreSQL database to use (migrated first)")
    parser.add_argument("--record", type=Path, help="append the results to this Markdown file")
    args = parser.parse_args()
    how = configure(args.database_url)
    text = report(how, run())
    print(text)
    if args.record:
        with args.record.open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
