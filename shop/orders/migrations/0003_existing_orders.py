"""Orders placed before the B2B lifecycle: split per supplier, statuses renamed, payment state recorded.

Old pipeline → new: "Pending payment"/"Paid" → Submitted (payment pending / paid), "Being processed" →
Confirmed, "Shipped" → Shipped, "Complete" → Completed, "Cancelled" → Cancelled. Reversible: the reverse
removes what this added and restores the old status names (from the payment state for Submitted).
"""

from django.db import migrations

OLD_TO_NEW = {
    "Pending payment": ("submitted", "Submitted"),
    "Paid": ("submitted", "Submitted"),
    "Being processed": ("confirmed", "Confirmed"),
    "Shipped": ("shipped", "Shipped"),
    "Complete": ("completed", "Completed"),
    "Cancelled": ("cancelled", "Cancelled"),
}
NEW_TO_OLD = {"Confirmed": "Being processed", "Shipped": "Shipped", "Completed": "Complete", "Cancelled": "Cancelled"}


def forwards(apps, schema_editor):
    Order = apps.get_model("order", "Order")
    Line = apps.get_model("order", "Line")
    Group = apps.get_model("shop_orders", "FulfilmentGroup")
    Payment = apps.get_model("shop_orders", "OrderPayment")
    Source = apps.get_model("payment", "Source")
    CompanyOrder = apps.get_model("companies", "CompanyOrder")
    for order in Order.objects.filter(fulfilment_groups__isnull=True).iterator():
        state, status = OLD_TO_NEW.get(order.status, ("submitted", "Submitted"))
        partner_ids = sorted(
            {p for p in Line.objects.filter(order=order).values_list("partner_id", flat=True) if p is not None}
        )
        Group.objects.bulk_create(
            [Group(order=order, partner_id=pid, state=state, confirm_due_at=order.date_placed) for pid in partner_ids]
        )
        source = Source.objects.filter(order=order, source_type__code="bank-transfer").first()
        if source is not None and not Payment.objects.filter(order=order).exists():
            paid = source.amount_debited >= source.amount_allocated or order.status not in ("Pending payment",)
            if order.status == "Cancelled":
                payment_status = "void"
            else:
                payment_status = "paid" if paid else "pending"
            link = CompanyOrder.objects.filter(order=order).first()
            Payment.objects.create(
                order=order, method="bank-transfer", status=payment_status, amount=source.amount_allocated,
                currency=source.currency, company_id=link.company_id if link else None,
            )
        Order.objects.filter(pk=order.pk).update(status=status)


def backwards(apps, schema_editor):
    Order = apps.get_model("order", "Order")
    Payment = apps.get_model("shop_orders", "OrderPayment")
    for order in Order.objects.all().iterator():
        if order.status == "Submitted":
            paid = Payment.objects.filter(order=order, status="paid").exists()
            old = "Paid" if paid else "Pending payment"
        else:
            old = NEW_TO_OLD.get(order.status, "Being processed")
        Order.objects.filter(pk=order.pk).update(status=old)


class Migration(migrations.Migration):
    dependencies = [
        ("shop_orders", "0002_unpaid_hold_hours"),
        ("payment", "0001_initial"),
        ("companies", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
