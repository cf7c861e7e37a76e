"""Two processes on one embedded index: the writer lock and visibility of another process's changes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from haystack.query import SearchQuerySet

from shop.searchengine.tantivy_store import IndexBusyError
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def start(code: str) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings"}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )


def hold_lock(path: str, seconds: float) -> subprocess.Popen:
    proc = start(
        f"""
        import fcntl, os, sys, time
        fd = os.open({str(Path(path) / "write.lock")!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0); os.pwrite(fd, b"pid %d (search_reindex swap)" % os.getpid(), 0)
        print("locked", flush=True)
        time.sleep({seconds})
        """
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_busy_writer_gives_a_clear_error(catalogue, backend, search_index):
    from oscar.core.loading import get_model

    backend.store.writer_timeout = 0.3
    holder = hold_lock(search_index["default"]["PATH"], 5)
    try:
        product = get_model("catalogue", "Product").objects.first()
        with pytest.raises(IndexBusyError, match=rf"locked by pid {holder.pid} \(search_reindex swap\).*gave up"):
            backend.remove(product)
    finally:
        holder.kill()
        holder.wait()


def test_a_writer_waits_for_the_lock(catalogue, backend, search_index):
    from oscar.test.factories import create_product

    backend.store.writer_timeout = 10
    holder = hold_lock(search_index["default"]["PATH"], 0.5)
    try:
        started = time.monotonic()
        product = create_product(title="Waiting stapler", price=None)
        backend.update(backend.unified_index.get_index(type(product)), [product])
        assert time.monotonic() - started >= 0.3
        assert SearchQuerySet().auto_query("waiting").count() == 1
    finally:
        holder.wait()


def test_changes_of_another_process_become_visible_within_a_second(catalogue, backend, search_index):
    path = search_index["default"]["PATH"]
    assert SearchQuerySet().count() == 7
    writer = start(
        f"""
        from shop.searchengine.tantivy_store import IndexStore, tantivy_document
        from shop.searchengine.schema import flatten
        store = IndexStore({path!r})
        state = store.current()
        doc = flatten(state.catalog, {{"id": "catalogue.product.424242", "django_ct": "catalogue.product",
                                      "django_id": "424242", "text": "Hole punch 打孔机", "is_public": True,
                                      "structure": "standalone"}})
        with store.writing(state.catalog) as (opened, writer):
            writer.add_document(tantivy_document(doc, opened.kinds))
        print("committed", flush=True)
        """
    )
    assert writer.stdout.readline().strip() == "committed"
    writer.wait()
    deadline = time.monotonic() + 1.5
    while SearchQuerySet().auto_query("打孔机").count() == 0:
        assert time.monotonic() < deadline, "the other process's commit did not become visible"
        time.sleep(0.05)

    swapper = start(
        f"""
        from shop.searchengine.tantivy_store import IndexStore
        store = IndexStore({path!r})
        store.reset(store.current().catalog)
        """
    )
    assert swapper.wait() == 0
    deadline = time.monotonic() + 1.5
    while SearchQuerySet().count() != 0:
        assert time.monotonic() < deadline, "the swapped-in build was not picked up"
        time.sleep(0.05)
