"""Existing warehouse quantities become an opening-balance movement, so the ledger sums to them."""

from django.db import migrations


def open_balances(apps, schema_editor):
    WarehouseStock = apps.get_model("inventory", "WarehouseStock")
    StockMovement = apps.get_model("inventory", "StockMovement")
    batch = []
    for stock in WarehouseStock.objects.filter(quantity__gt=0).only("pk", "quantity").iterator(chunk_size=2000):
        batch.append(
            StockMovement(stock_id=stock.pk, kind="count", quantity=stock.quantity, on_hand_delta=stock.quantity,
                          reason="opening balance")
        )
        if len(batch) >= 2000:
            StockMovement.objects.bulk_create(batch)
            batch = []
    StockMovement.objects.bulk_create(batch)


def drop_balances(apps, schema_editor):
    apps.get_model("inventory", "StockMovement").objects.filter(reason="opening balance").delete()


class Migration(migrations.Migration):
    dependencies = [("inventory", "0002_stock_ledger")]

    operations = [migrations.RunPython(open_balances, drop_balances)]
