"""What both project backends share: the field catalog of the unified index and document preparation."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier

from shop.searchengine.schema import FieldCatalog, IndexDocument, flatten

logger = logging.getLogger(__name__)

EMPTY = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}


class CatalogMixin:
    """The field catalog of the connection's unified index (built lazily, once per backend)."""

    connection_alias: str
    _catalog: FieldCatalog | None = None

    @property
    def unified_index(self):
        from haystack import connections

        return connections[self.connection_alias].get_unified_index()

    @property
    def catalog(self) -> FieldCatalog:
        if self._catalog is None:
            self._catalog = FieldCatalog.from_unified_index(self.unified_index)
        return self._catalog

    def prepare_documents(self, index, iterable: Iterable) -> list[IndexDocument]:
        documents = []
        for obj in iterable:
            try:
                documents.append(flatten(self.catalog, index.full_prepare(obj)))
            except SkipDocument:
                logger.debug("search: skipping %s", get_identifier(obj))
            except Exception:
                if not self.silently_fail:
                    raise
                logger.exception("search: cannot prepare %s for indexing", get_identifier(obj))
        return documents
