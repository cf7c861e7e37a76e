"""Fill a benchmark database with N bilingual products: the demo catalog, copied with variations.

``manage.py demo_data`` defines ≈2,900 distinct products (every brand × kind × colour × size it knows).
For 10k/100k-product benchmarks this script copies them until N browsable products exist: each copy
gets its own UPC, code, supplier SKUs, a price moved by up to ±15 %, other stock levels and a
variant number in both titles; attribute values, categories and images are copied as they are (so
facet cardinalities stay those of the demo catalog). Bulk inserts only; 100k products ≈ a few minutes.

Run it against a copy, never the live database::

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/search_catalog.py --products 100000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

BATCH = 2000


def fill(target: int, seed: int = 11) -> int:
    """Copy demo products until ``target`` browsable products exist; returns how many were added."""
    from django.core.management import call_command
    from django.db import transaction
    from oscar.core.loading import get_model

    product = get_model("catalogue", "Product")
    if not product.objects.exists():
        call_command("demo_data", "--quiet")
    stockrecord = get_model("partner", "StockRecord")
    value = get_model("catalogue", "ProductAttributeValue")
    link = get_model("catalogue", "ProductCategory")
    image = get_model("catalogue", "ProductImage")
    # rewrite(False): without it modeltranslation turns values() into the active language's columns only
    originals = list(
        product.objects.rewrite(False).filter(upc__isnull=False).exclude(upc__contains="~").order_by("pk").values()
    )
    records = _grouped(stockrecord.objects.filter(product__in=[o["id"] for o in originals]).values())
    values = _grouped(value.objects.filter(product__in=[o["id"] for o in originals]).values())
    links = _grouped(link.objects.filter(product__in=[o["id"] for o in originals]).values())
    images = _grouped(image.objects.filter(product__in=[o["id"] for o in originals]).values())
    rng = random.Random(seed)
    existing = product.objects.browsable().count()
    added, copy = 0, product.objects.filter(upc__contains="~").count() // max(len(originals), 1) + 1
    while existing + added < target:
        chunk = originals[: target - existing - added]
        with transaction.atomic():
            for start in range(0, len(chunk), BATCH):
                added += _copy(chunk[start : start + BATCH], copy, rng, records, values, links, images)
        print(f"  copy {copy}: {existing + added:,} products", flush=True)
        copy += 1
    return added


def _grouped(rows) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for row in rows:
        out.setdefault(row["product_id"], []).append(row)
    return out


def _copy(originals: list[dict], copy: int, rng: random.Random, records, values, links, images) -> int:
    from oscar.core.loading import get_model

    product = get_model("catalogue", "Product")
    stockrecord = get_model("partner", "StockRecord")
    value = get_model("catalogue", "ProductAttributeValue")
    link = get_model("catalogue", "ProductCategory")
    image = get_model("catalogue", "ProductImage")
    fresh = []
    for row in originals:
        data = {k: v for k, v in row.items() if k != "id"}
        data["upc"] = f"{row['upc']}~{copy}"
        data["code"] = f"{row['code']}~{copy}" if row.get("code") else None
        for field in ("title", "title_en", "title_zh_hans"):
            if data.get(field):
                data[field] = f"{data[field]} #{copy}"
        fresh.append(product(**data))
    created = product.objects.bulk_create(fresh)
    new_records, new_values, new_links, new_images = [], [], [], []
    for original, new in zip(originals, created):
        factor = Decimal(str(round(rng.uniform(0.85, 1.15), 2)))
        for row in records.get(original["id"], []):
            data = {k: v for k, v in row.items() if k not in ("id", "product_id")}
            data["partner_sku"] = f"{row['partner_sku']}~{copy}"
            data["price"] = (row["price"] * factor).quantize(Decimal("0.01")) if row["price"] is not None else None
            data["num_in_stock"] = rng.choice([0, 5, 40, 300, 1200])
            new_records.append(stockrecord(product_id=new.pk, **data))
        for row in values.get(original["id"], []):
            data = {k: v for k, v in row.items() if k not in ("id", "product_id")}
            new_values.append(value(product_id=new.pk, **data))
        for row in links.get(original["id"], []):
            new_links.append(link(product_id=new.pk, category_id=row["category_id"]))
        for row in images.get(original["id"], []):
            data = {k: v for k, v in row.items() if k not in ("id", "product_id")}
            data["code"] = f"{row['code']}~{copy}" if row.get("code") else None
            new_images.append(image(product_id=new.pk, **data))
    stockrecord.objects.bulk_create(new_records, batch_size=BATCH)
    value.objects.bulk_create(new_values, batch_size=BATCH)
    link.objects.bulk_create(new_links, batch_size=BATCH)
    image.objects.bulk_create(new_images, batch_size=BATCH)
    return len(created)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=10_000, help="browsable products wanted (default 10,000)")
    args = parser.parse_args()
    import django

    django.setup()
    started = time.perf_counter()
    added = fill(args.products)
    print(f"added {added:,} products in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
