"""Benchmark: place 100 orders of 20 lines each through the real checkout, with stock reservations.

Each order is placed by a signed-in company buyer with Django's test client through the
whole middleware stack: the basket (20 products from 4 suppliers, each with warehouse
stock) is filled, the checkout's address, shipping and payment steps are posted, and then
the timed request — ``POST /en/checkout/preview/`` with ``action=place_order`` — runs
``PaymentDetailsView.handle_order_placement`` → ``shop.orders.placement.place``: basket
row lock, Oscar's order creation (``shop.orders.creator.BulkOrderCreator``: lines, prices and
attributes bulk-inserted), split into 4 supplier groups, pay-on-account credit
check with the company row locked, ``shop.inventory`` ``reserve_order`` (20 lines, ledger
movements), the first timeline entry. The confirmation email is queued to Celery (memory
broker, no worker) exactly as production queues it, so the PDF rendering is not timed.

Reported: orders/s (100 / total time of the placement requests), p50/p95/max latency, and
queries per placement request (every query of the request, middleware included).

    .venv/bin/python bench/orders_place.py                       # SQLite (copy of the test DB)
    .venv/bin/python bench/orders_place.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    BENCH_PG_TEMPLATE=test_shop_me_me .venv/bin/python bench/orders_place.py --postgres …  # copy that test DB
    .venv/bin/python bench/orders_place.py --record bench/RESULTS.md
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = Path(tempfile.mkdtemp(prefix="orders-bench-"))

ORDERS = int(os.environ.get("BENCH_ORDERS", "100"))
LINES = 20
SUPPLIERS = 4


def configure(postgres_url: str | None) -> str:
    os.environ["SHOP_ENV"] = "test"
    os.environ["SHOP_PLUGINS"] = "dummy"
    os.environ["SHOP_VAR_DIR"] = str(TMP)
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"  # queue the confirmation email like production does
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("SHOP_PLUGIN_STATE_TTL", "3600")
    os.environ.pop("REDIS_URL", None)
    if postgres_url:
        return _postgres_copy(postgres_url)
    source = ROOT / "var" / "test-orders.sqlite3"
    if source.exists():
        shutil.copyfile(source, TMP / "bench.sqlite3")
    os.environ["DATABASE_URL"] = f"sqlite:///{TMP / 'bench.sqlite3'}"
    return "SQLite"


def _postgres_copy(server_url: str) -> str:
    """A fresh database ``shop_orders_bench``, copied from the migrated test database when it exists."""
    import psycopg

    base = server_url.rsplit("/", 1)[0]
    # BENCH_PG_TEMPLATE: another migrated test database to copy (it must have no open connections).
    template_name = os.environ.get("BENCH_PG_TEMPLATE", "test_shop_orders_orders")
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS shop_orders_bench")
        template = conn.execute("SELECT datname FROM pg_database WHERE datname = %s", [template_name]).fetchone()
        if template:
            conn.execute(f'CREATE DATABASE shop_orders_bench TEMPLATE "{template_name}"')
        else:
            conn.execute("CREATE DATABASE shop_orders_bench")
    os.environ["DATABASE_URL"] = f"{base}/shop_orders_bench"
    return "PostgreSQL"


def setup_data() -> tuple[Any, list[Any]]:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from oscar.core.loading import get_model
    from oscar.test import factories

    from shop.companies.models import Company, Membership
    from shop.inventory.ledger import receive_stock
    from shop.inventory.models import Warehouse

    call_command("migrate", verbosity=0, interactive=False)
    Partner = get_model("partner", "Partner")
    Country = get_model("address", "Country")
    Country.objects.get_or_create(
        iso_3166_1_a2="CN", defaults={"name": "China", "printable_name": "China", "is_shipping_country": True}
    )
    company = Company.objects.create(
        name="Bench Retail", pays_on_account=True, credit_limit=Decimal("100000000.00"), billing_currency="CNY"
    )
    buyer = get_user_model().objects.create_user(username="bench-buyer", email="buyer@bench.example", password="x" * 16)
    Membership.objects.create(company=company, user=buyer, role=Membership.Role.BUYER)
    products = []
    for s in range(SUPPLIERS):
        partner = Partner.objects.create(name=f"Bench supplier {s}", code=f"bench-{s}")
        warehouses = [
            Warehouse.objects.create(partner=partner, code=f"b{s}-{w}", name=f"Bench {s}/{w}", city="Ningbo")
            for w in range(2)
        ]
        for p in range(LINES // SUPPLIERS):
            product = factories.create_product(
                title=f"Bench item {s}-{p}", partner_name=partner.name, partner_sku=f"B{s}-{p}",
                price=Decimal("3.50") + p,
            )
            record = product.stockrecords.get()
            for warehouse in warehouses:
                receive_stock(warehouse, record, ORDERS * 10, reason="bench stock")
            products.append(product)
    return buyer, products


ADDRESS = {"first_name": "Li", "last_name": "Wei", "line1": "88 Century Avenue", "line4": "Shanghai",
           "postcode": "200120", "phone_number": "+86 21 5888 8888"}


def prepare_checkout(client: Any, buyer: Any, products: list[Any]) -> None:
    """Fill the buyer's basket (20 lines) and post the checkout steps up to the preview (not timed)."""
    from oscar.core.loading import get_model

    from shop.apps.partner.strategy import Selector
    from shop.companies.models import Company, CompanyBasket

    Basket = get_model("basket", "Basket")
    basket = Basket.open.filter(owner=buyer).first() or Basket.objects.create(owner=buyer)
    basket.strategy = Selector().strategy(user=buyer, currency="CNY")
    for i, product in enumerate(products):
        basket.add_product(product, 1 + i % 3)
    CompanyBasket.objects.get_or_create(basket=basket, defaults={"company": Company.objects.get(name="Bench Retail")})
    response = client.post("/en/checkout/shipping-address/", ADDRESS, follow=True)
    if response.redirect_chain[-1][0].endswith("/shipping-method/"):
        client.post("/en/checkout/shipping-method/", {"method_code": "free-shipping"})
    response = client.post("/en/checkout/payment-method/", {"method": "on-account"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("/checkout/preview/"), response.redirect_chain


def run(db_label: str) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from oscar.core.loading import get_model

    from shop.inventory.models import Reservation

    Order = get_model("order", "Order")
    buyer, products = setup_data()
    client = Client()
    client.force_login(buyer)
    latencies, queries = [], []
    for _ in range(ORDERS):
        prepare_checkout(client, buyer, products)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post("/en/checkout/preview/", {"action": "place_order"})
            latencies.append(time.perf_counter() - started)
        if response.status_code != 302:
            errors = response.context.get("error") if response.context else ""
            raise SystemExit(f"order not placed: {response.status_code} {errors}")
        queries.append(len(captured))
        last = captured.captured_queries
    orders = Order.objects.filter(user=buyer)
    assert orders.count() == ORDERS
    assert Reservation.objects.filter(order__in=orders).count() >= ORDERS * LINES
    latencies.sort()
    if os.environ.get("BENCH_EXPLAIN"):
        import collections
        import re

        kinds = collections.Counter()
        for q in last:
            sql = q["sql"]
            table = re.search(r'(?:FROM|INTO|UPDATE) "([a-z_]+)"', sql)
            kinds[(sql.split()[0], table.group(1) if table else "?")] += 1
        for (verb, table), count in kinds.most_common(25):
            print(f"{count:4d} {verb} {table}")
    return {
        "db": db_label,
        "orders": ORDERS,
        "lines": LINES,
        "orders_per_s": ORDERS / sum(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * len(latencies)) - 1] * 1000,
        "max_ms": latencies[-1] * 1000,
        "queries": statistics.median(queries),
        "queries_max": max(queries),
        "reservations": Reservation.objects.filter(order__in=orders).count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL server URL; the bench makes its own database there")
    parser.add_argument("--record", help="append the result row to this Markdown file")
    args = parser.parse_args()
    label = configure(args.postgres)
    result = run(label)
    row = (
        f"| {result['db']} | {result['orders']} × {result['lines']} lines | {result['orders_per_s']:.1f} | "
        f"{result['p50_ms']:.0f} | {result['p95_ms']:.0f} | {result['max_ms']:.0f} | "
        f"{result['queries']:.0f} (max {result['queries_max']}) | {result['reservations']} |"
    )
    print("| database | orders | orders/s | p50 ms | p95 ms | max ms | queries per order | reservations |")
    print(row)
    if args.record:
        with open(args.record, "a", encoding="utf-8") as out:
            out.write(row + "\n")
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
