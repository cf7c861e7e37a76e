"""A haystack engine for the import tests: it records what it is asked to index, and writes nothing."""

from __future__ import annotations

from haystack.backends import BaseEngine
from haystack.backends.simple_backend import SimpleSearchBackend, SimpleSearchQuery

#: One list of product ids per ``update`` call.
UPDATES: list[list[int]] = []


class RecordingBackend(SimpleSearchBackend):
    def update(self, indexer, iterable, commit=True):
        UPDATES.append(sorted(obj.pk for obj in iterable))

    def remove(self, obj, commit=True):
        return None


class RecordingEngine(BaseEngine):
    backend = RecordingBackend
    query = SimpleSearchQuery
