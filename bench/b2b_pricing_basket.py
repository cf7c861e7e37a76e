"""Benchmark: B2B prices for a company's basket and for the product list page, through the core price chain.

Sets up its own SQLite database in a temporary directory (copying the migrated
``test-b2b_pricing`` test database when one exists, else migrating from scratch,
≈60 s), a company in a customer group with three applicable price lists (company,
group, everyone) with fixed prices and quantity breaks, and contract prices for a
tenth of the products. Then it prices every line of a 50/200/500-line basket
with the plugin's service (per-process list cache cold and warm), does the basket
page's pricing work (unit price and line total via ``line.purchase_info``, which
runs the core strategy → ``shop_adjust_price`` chain) on the lines as the shop's
basket loads them, with the plugin switched off and on, and requests the whole
basket page ``/en/basket/`` as the buyer. Last, it renders the catalogue page for
a signed-in buyer at several page sizes. Every step counts its queries.

    .venv/bin/python bench/b2b_pricing_basket.py
    .venv/bin/python bench/b2b_pricing_basket.py --record bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchkit import ROOT, isolated_environment, prepare_database, record_section

# the plugin switches held still while counting
TMP = isolated_environment("b2b-bench-", "b2b_pricing", SHOP_PLUGIN_STATE_TTL="3600")

SIZES = (50, 200, 500)
PAGE_SIZES = (12, 24, 48, 96)
PRODUCTS = 600
REPEAT = 9


def build_catalog() -> tuple[Any, Any, list]:
    """600 products with stock records, a company in a group, three price lists and some contracts."""
    import datetime

    from b2b_pricing.models import (
        ContractPrice,
        PriceList,
        PriceListEntry,
        ProductOrderRule,
        QuantityBreak,
        TierTable,
    )
    from django.contrib.auth import get_user_model
    from django.utils import timezone, translation
    from oscar.core.loading import get_model

    from shop.companies.models import Company, CustomerGroup, Membership

    translation.activate("en")
    Product = get_model("catalogue", "Product")
    ProductClass = get_model("catalogue", "ProductClass")
    Partner = get_model("partner", "Partner")
    StockRecord = get_model("partner", "StockRecord")

    for model in (PriceList, ContractPrice, ProductOrderRule, Membership, Company, CustomerGroup):
        model.objects.all().delete()
    Product.objects.filter(upc__startswith="BENCH-").delete()
    pclass, _ = ProductClass.objects.get_or_create(name="Bench pens", defaults={"track_stock": True})
    partner, _ = Partner.objects.get_or_create(name="Bench supplier")
    Product.objects.bulk_create(
        Product(title=f"Bench gel pen {i:04d}", slug=f"bench-gel-pen-{i:04d}", upc=f"BENCH-{i:04d}",
                structure="standalone", product_class=pclass, is_public=True)
        for i in range(PRODUCTS)
    )
    products = list(Product.objects.filter(upc__startswith="BENCH-").order_by("upc"))
    StockRecord.objects.bulk_create(
        StockRecord(product=p, partner=partner, partner_sku=f"BP-{i:04d}", price=Decimal("3.50") + i % 9,
                    price_currency="CNY", num_in_stock=100_000)
        for i, p in enumerate(products)
    )
    group = CustomerGroup.objects.create(name="Bench distributors", code="bench-dist")
    company = Company.objects.create(name="Bench Stationers", kind=Company.Kind.DISTRIBUTOR)
    company.customer_groups.add(group)
    user = get_user_model().objects.create_user(username="bench-buyer", email="bench@example.com", password="x")
    Membership.objects.create(user=user, company=company, role=Membership.Role.BUYER)

    lists = [
        PriceList.objects.create(name="Bench company", currency="CNY", company=company, priority=0),
        PriceList.objects.create(name="Bench group", currency="CNY", customer_group=group, priority=5),
        PriceList.objects.create(name="Bench everyone", currency="CNY", priority=-1),
    ]
    for index, price_list in enumerate(lists):
        chosen = products[index::2]  # overlapping halves: most products are priced by two lists
        PriceListEntry.objects.bulk_create(
            PriceListEntry(price_list=price_list, product=p, price=Decimal("3.30") - index * Decimal("0.05"))
            for p in chosen
        )
        tables = TierTable.objects.bulk_create(
            TierTable(price_list=price_list, product=p) for p in chosen[::3]
        )
        QuantityBreak.objects.bulk_create(
            QuantityBreak(table=t, min_quantity=low, max_quantity=high, price=Decimal(price))
            for t in tables
            for low, high, price in ((1, 11, "3.40"), (12, 143, "3.10"), (144, None, "2.80"))
        )
        price_list.save()  # new revision
    today = timezone.localdate()
    ContractPrice.objects.bulk_create(
        ContractPrice(company=company, product=p, currency="CNY", price=Decimal("2.95"),
                      valid_from=today - datetime.timedelta(days=10), valid_until=today + datetime.timedelta(days=90))
        for p in products[::10]
    )
    return user, company, products


def make_basket(user: Any, products: list, lines: int) -> int:
    from oscar.core.loading import get_model

    Basket = get_model("basket", "Basket")
    Line = get_model("basket", "Line")
    Basket.objects.filter(owner=user).delete()
    basket = Basket.objects.create(owner=user)
    Line.objects.bulk_create(
        Line(basket=basket, product=p, stockrecord=p.stockrecords.all()[0], quantity=1 + (i * 37) % 200,
             line_reference=f"{p.pk}_{p.stockrecords.all()[0].pk}", price_currency="CNY",
             price_excl_tax=Decimal("3.50"), price_incl_tax=Decimal("3.50"))
        for i, p in enumerate(products[:lines])
    )
    return basket.pk


def measured(work: Callable[[], Any]) -> tuple[float, int, Any]:
    """Run ``work()`` once: seconds, number of queries, its result."""
    import gc

    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    gc.collect()
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = work()
        elapsed = time.perf_counter() - started
    return elapsed, len(queries.captured_queries), result


def basket_lines(basket_pk: int) -> list:
    """The basket's lines as Oscar's basket page has them loaded (product and stock record joined)."""
    from oscar.core.loading import get_model

    Line = get_model("basket", "Line")
    return list(Line.objects.filter(basket_id=basket_pk).select_related("product", "stockrecord").order_by("pk"))


def service_pricing(company: Any, lines: list) -> Decimal:
    """The plugin's own work for a loaded basket: one price book, every line at its (family) quantity."""
    from b2b_pricing.services.pricebook import PriceBook

    from shop.currency.money import quantize

    by_family: dict[int, int] = {}
    for line in lines:
        if line.product.parent_id:
            by_family[line.product.parent_id] = by_family.get(line.product.parent_id, 0) + line.quantity
    book = PriceBook(company, "CNY")
    total = Decimal(0)
    for line in lines:
        family = by_family.get(line.product.parent_id, line.quantity)
        unit = book.quote(line.product, line.stockrecord.price, line.quantity, family).amount
        total += quantize(unit * line.quantity, "CNY")
    return total


def page_pricing(user: Any, basket_pk: int) -> Decimal:
    """One request's work on Oscar's basket page: every line's unit price and line total, and the basket total."""
    from django.test import RequestFactory
    from oscar.core.loading import get_model

    from shop.apps.partner.strategy import Selector
    from shop.companies.selection import attach, membership_of

    Basket = get_model("basket", "Basket")
    user = type(user).objects.get(pk=user.pk)  # a fresh user object per request, as the auth middleware gives
    request = RequestFactory().get("/en/basket/")
    request.user = user
    attach(request, membership_of(user))
    request.strategy = Selector().strategy(request=request, user=user, currency="CNY")
    basket = Basket.objects.get(pk=basket_pk)
    basket.strategy = request.strategy  # lines load through the shop's forked Basket.all_lines()
    request._basket_cache = basket
    for line in basket.all_lines():
        line.unit_price_excl_tax  # noqa: B018 - what the basket page reads
        line.line_price_excl_tax  # noqa: B018
    return basket.total_excl_tax


def median_ms(runs: list[tuple[float, int, Any]]) -> float:
    return statistics.median(r[0] for r in runs) * 1000


def basket_rows(user: Any, company: Any, products: list) -> tuple[list[dict], list[dict], list[dict]]:
    from b2b_pricing.services import contents
    from django.test import Client
    from django.test.utils import setup_test_environment

    from shop.plugins import state

    setup_test_environment()
    client = Client()
    client.force_login(user)
    service, pages, requests = [], [], []
    for size in SIZES:
        basket_pk = make_basket(user, products, size)
        lines = basket_lines(basket_pk)
        cold = []
        for _ in range(REPEAT):
            contents.clear()
            cold.append(measured(lambda: service_pricing(company, lines)))  # noqa: B023
        warm = [measured(lambda: service_pricing(company, lines)) for _ in range(REPEAT)]  # noqa: B023
        service.append({"lines": size, "cold ms": median_ms(cold), "cold queries": cold[-1][1],
                        "warm ms": median_ms(warm), "warm queries": warm[-1][1], "basket total": warm[-1][2]})
        state.set_enabled("b2b_pricing", False, source="command", actor="bench")
        off = [measured(lambda: page_pricing(user, basket_pk)) for _ in range(REPEAT)]  # noqa: B023
        state.set_enabled("b2b_pricing", True, source="command", actor="bench")
        on = [measured(lambda: page_pricing(user, basket_pk)) for _ in range(REPEAT)]  # noqa: B023
        pages.append({
            "lines": size,
            "core only ms": median_ms(off), "core only queries": off[-1][1],
            "with plugin ms": median_ms(on), "with plugin queries": on[-1][1],
            "added ms": median_ms(on) - median_ms(off), "added queries": on[-1][1] - off[-1][1],
            "total": on[-1][2],
        })
        client.get("/en/basket/")  # warm: session, site, switches
        runs = [measured(lambda: client.get("/en/basket/")) for _ in range(3)]
        response = runs[-1][2]
        assert response.status_code == 200, response.status_code
        assert len(response.context["basket"].all_lines()) == size
        requests.append({"lines": size, "queries": runs[-1][1], "ms": median_ms(runs),
                         "total": response.context["basket"].total_excl_tax})
    return service, pages, requests


def catalogue_rows(user: Any, products: list) -> list[dict]:
    from b2b_pricing.models import ProductOrderRule
    from django.conf import settings
    from django.test import Client
    from haystack import connections
    from oscar.core.loading import get_model

    from shop.plugins import state

    get_model("basket", "Basket").objects.filter(owner=user).delete()  # an empty basket in the header
    # every other product sold in boxes of 12: each card's quantity box asks for its rule
    ProductOrderRule.objects.bulk_create(ProductOrderRule(product=p, pack_size=12) for p in products[::2])
    info = {"default": {**settings.HAYSTACK_CONNECTIONS["default"], "PATH": str(TMP / "index")}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    index = connections["default"].get_unified_index().get_index(type(products[0]))
    connections["default"].get_backend().update(index, index.index_queryset())
    from django.urls import resolve

    view = resolve("/en/catalogue/").func.view_class
    client = Client()
    client.force_login(user)
    rows = []
    previous = view.paginate_by
    try:
        for size in PAGE_SIZES:
            view.paginate_by = size
            row = {"page size": size}
            for enabled in (False, True):
                state.set_enabled("b2b_pricing", enabled, source="command", actor="bench")
                client.get("/en/catalogue/")  # warm caches and switches
                runs = [measured(lambda: client.get("/en/catalogue/")) for _ in range(3)]  # noqa: B023
                response = runs[-1][2]
                assert response.status_code == 200, response.status_code
                assert len(response.context["products"]) == size
                boxes = response.content.decode().count('min="12" step="12"')
                assert (boxes > 0) == enabled, boxes  # cards of boxed products start at 12 while it is on
                key = "on" if enabled else "off"
                row[f"{key} queries"] = runs[-1][1]
                row[f"{key} ms"] = median_ms(runs)
                if enabled:
                    row["cards at 12"] = boxes
            row["added by plugin"] = row["on queries"] - row["off queries"]
            rows.append(row)
    finally:
        view.paginate_by = previous
    return rows


def table(rows: list[dict]) -> str:
    headers = list(rows[0])
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        cells = []
        for key in headers:
            value = row[key]
            cells.append(f"{value:.1f}" if isinstance(value, float) else str(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="write the results into this markdown file's b2b_pricing section")
    parser.add_argument("--date", default="2026-11-25")
    parser.add_argument("--machine", default="2-core python-svc")
    args = parser.parse_args()
    try:
        setup = prepare_database(TMP, [ROOT / "var" / "test-b2b_pricing.sqlite3"])
        user, company, products = build_catalog()
        service, baskets, requests = basket_rows(user, company, products)
        pages = catalogue_rows(user, products)
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    report = "\n".join([
        "## b2b_pricing",
        "",
        f"{args.date}, {args.machine}, SQLite ({setup}); `.venv/bin/python bench/b2b_pricing_basket.py`.",
        f"A company in a customer group with 3 applicable price lists (company, group, everyone; fixed prices for "
        f"half the catalogue each, quantity breaks for a third of those) and contract prices for 1 product in 10; "
        f"{PRODUCTS} products. Median of {REPEAT} runs.",
        "",
        "**Pricing a B2B basket** (the plugin's service on the basket's loaded lines: one `PriceBook`, every line "
        "priced at its quantity, line totals rounded and summed). *cold*: the per-process cache of list contents "
        "empty (the first request after a list changed: two queries per applicable list); *warm*: every later "
        "request.",
        "",
        table(service),
        "",
        "**The basket page's pricing work** (every line's unit price and line total through `line.purchase_info` → "
        "core strategy → `shop_adjust_price`, and the basket total) on the lines as the shop's forked "
        "`Basket.all_lines()` loads them (product, class, parent, stock record joined; images and attribute values "
        "prefetched), plugin switched off (*core only*) and on (warm). Oscar's own `all_lines()` cost one query "
        "per line here (506 queries at 500 lines before the fork).",
        "",
        table(baskets),
        "",
        "**The whole basket page** `GET /en/basket/` for the buyer, plugin on (every query of the request: "
        "session, user, company, basket, lines, offers, templates; median of 3).",
        "",
        table(requests),
        "",
        "**Catalogue page** `/en/catalogue/` for the signed-in buyer (all queries of the request, median time of 3); "
        "every other product sold in boxes of 12, so about half the cards' quantity boxes start at 12 (one query for "
        "the page's rules, `shop_order_quantities`).",
        "",
        table(pages),
        "",
    ])
    print(report)
    if args.record:
        record_section(args.record, "## b2b_pricing", report)
        print(f"recorded in {args.record}")


if __name__ == "__main__":
    main()
