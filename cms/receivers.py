"""Cache invalidation: a page's cached bodies go when it is published, unpublished, moved or deleted;
every cached body goes when a product, price, stock record or rate changes (see :mod:`cms.cache`)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache


def _page_changed(sender, instance, **kwargs) -> None:
    cache.page_changed(instance.pk)


def _page_moved(sender, instance, **kwargs) -> None:
    cache.page_changed(instance.pk)


def _catalogue_row_changed(sender, **kwargs) -> None:
    if sender._meta.app_label in cache.CATALOGUE_APPS:
        cache.catalogue_changed()


def _page_row_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        cache.page_changed(instance.pk)


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="cms.cache.published")
    page_unpublished.connect(_page_changed, dispatch_uid="cms.cache.unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="cms.cache.moved")
    post_save.connect(_catalogue_row_changed, dispatch_uid="cms.cache.catalogue_saved")
    post_delete.connect(_catalogue_row_changed, dispatch_uid="cms.cache.catalogue_deleted")
    post_delete.connect(_page_row_deleted, dispatch_uid="cms.cache.page_deleted")
