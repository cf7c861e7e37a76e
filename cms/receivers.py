"""Cache invalidation: a page's cached bodies go when it is published, unpublished, moved or deleted;
every cached body goes when a product, price, stock record or rate changes (see :mod:`cms.cache`).

Versions are bumped once the change is committed: bumping earlier would let a request that still reads
the old rows cache them under the new version. A transaction that saves many catalogue rows (an import)
bumps once; a rolled-back one not at all.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache


class CatalogueBump:
    """One pending bump of the catalogue version; ``done`` once it ran."""

    def __init__(self) -> None:
        self.done = False

    def __call__(self) -> None:
        self.done = True
        cache.catalogue_changed()


def _page_changed(sender, instance, **kwargs) -> None:
    transaction.on_commit(partial(cache.page_changed, instance.pk))  # runs at once outside a transaction


def _catalogue_row_changed(sender, **kwargs) -> None:
    if sender._meta.app_label not in cache.CATALOGUE_APPS:
        return
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        isinstance(entry[1], CatalogueBump) and not entry[1].done for entry in connection.run_on_commit
    ):
        return  # this transaction bumps once it commits
    transaction.on_commit(CatalogueBump())


def _page_row_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        transaction.on_commit(partial(cache.page_changed, instance.pk))


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="cms.cache.published")
    page_unpublished.connect(_page_changed, dispatch_uid="cms.cache.unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="cms.cache.moved")
    post_save.connect(_catalogue_row_changed, dispatch_uid="cms.cache.catalogue_saved")
    post_delete.connect(_catalogue_row_changed, dispatch_uid="cms.cache.catalogue_deleted")
    post_delete.connect(_page_row_deleted, dispatch_uid="cms.cache.page_deleted")
