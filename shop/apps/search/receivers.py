"""Saves and deletes of products and what they are indexed with schedule a re-index after commit.

All products touched in one transaction go to one ``update_products`` task, sent when the transaction
commits (nothing is sent when it rolls back). Without a broker Celery runs the task inline.
"""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

logger = logging.getLogger(__name__)

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
StockRecord = get_model("partner", "StockRecord")
ProductRecord = get_model("analytics", "ProductRecord")

_local = threading.local()


class _Pending:
    def __init__(self):
        self.ids: set[int] = set()

    def flush(self) -> None:
        if getattr(_local, "pending", None) is self:
            _local.pending = None
        if self.ids:
            send(sorted(self.ids))


def send(ids: list[int]) -> None:
    from shop.apps.search.tasks import update_products

    try:
        update_products.delay(ids)
    except Exception:  # the index catches up with the sweeper; a save must not fail for search
        logger.exception("search: cannot schedule re-indexing of %d products", len(ids))


def schedule(product_ids) -> None:
    ids = {int(pk) for pk in product_ids if pk is not None}
    if not ids:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        send(sorted(ids))
        return
    pending = getattr(_local, "pending", None)
    registered = pending is not None and any(func == pending.flush for _sids, func, _robust in connection.run_on_commit)
    if not registered:
        pending = _local.pending = _Pending()
        transaction.on_commit(pending.flush)
    pending.ids.update(ids)


def _with_parent(product_id, parent_id) -> list:
    return [product_id, parent_id]


def product_changed(sender, instance, **kwargs):
    schedule(_with_parent(instance.pk, instance.parent_id))


def stockrecord_changed(sender, instance, **kwargs):
    parent_id = Product.objects.filter(pk=instance.product_id).values_list("parent_id", flat=True).first()
    schedule(_with_parent(instance.product_id, parent_id))


def related_changed(sender, instance, **kwargs):
    schedule([instance.product_id])


def category_changed(sender, instance, **kwargs):
    ids = Product.objects.filter(categories__path__startswith=instance.path).values_list("pk", flat=True)
    schedule(list(ids))


def categories_m2m_changed(sender, instance, action, pk_set=None, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        if isinstance(instance, Product):
            schedule([instance.pk])
        else:
            schedule(pk_set or [])


post_save.connect(product_changed, sender=Product, dispatch_uid="search_product_saved")
post_delete.connect(product_changed, sender=Product, dispatch_uid="search_product_deleted")
post_save.connect(stockrecord_changed, sender=StockRecord, dispatch_uid="search_stockrecord_saved")
post_delete.connect(stockrecord_changed, sender=StockRecord, dispatch_uid="search_stockrecord_deleted")
for _model in (ProductCategory, ProductAttributeValue, ProductRecord):
    post_save.connect(related_changed, sender=_model, dispatch_uid=f"search_{_model.__name__}_saved")
    post_delete.connect(related_changed, sender=_model, dispatch_uid=f"search_{_model.__name__}_deleted")
post_save.connect(category_changed, sender=Category, dispatch_uid="search_category_saved")
m2m_changed.connect(categories_m2m_changed, sender=Product.categories.through, dispatch_uid="search_categories_m2m")
