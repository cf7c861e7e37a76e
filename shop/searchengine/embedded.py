"""The embedded haystack engine: a tantivy index in process, files under ``PATH``.

Settings::

    HAYSTACK_CONNECTIONS = {"default": {
        "ENGINE": "shop.searchengine.embedded.EmbeddedEngine",
        "PATH": "var/search",          # index directory (builds + pointer, see tantivy_store.py)
        "WRITER_TIMEOUT": 30,          # seconds to wait for another writer (e.g. search_reindex)
    }}

Queries come from ``ShopSearchQuery`` as query DSL; ``request.py`` adds narrowing, facets and sorting;
``tantivy_query.py`` compiles it; facets run through tantivy's Elasticsearch-compatible ``aggregate``.

Not provided: highlighting, spelling suggestions (``INCLUDE_SPELLING`` is ignored), spatial lookups
(they raise ``SearchBackendError``) and ``more_like_this`` (raises ``MoreLikeThisError``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any

import tantivy
from django.core.exceptions import ImproperlyConfigured
from haystack.backends import BaseEngine, BaseSearchBackend, log_query
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import MoreLikeThisError
from haystack.utils import get_identifier, get_model_ct

from shop.searchengine.backend_base import EMPTY, CatalogMixin
from shop.searchengine.haystack_query import RESERVED_CHARACTERS, RESERVED_WORDS, ShopSearchQuery
from shop.searchengine.request import SearchRequest, build_request, count_query, facets_from_aggregations
from shop.searchengine.results import build_results
from shop.searchengine.schema import SOURCE_FIELD, FieldCatalog, IndexDocument
from shop.searchengine.sorting import python_sort_window
from shop.searchengine.tantivy_query import QueryCompiler, adapt_aggregations
from shop.searchengine.tantivy_store import IndexStore, OpenIndex, get_store, tantivy_document, tantivy_schema

logger = logging.getLogger(__name__)


class EmbeddedSearchBackend(CatalogMixin, BaseSearchBackend):
    RESERVED_WORDS = list(RESERVED_WORDS)
    RESERVED_CHARACTERS = list(RESERVED_CHARACTERS)

    def __init__(self, connection_alias: str, **connection_options: Any):
        super().__init__(connection_alias, **connection_options)
        path = connection_options.get("PATH")
        if not path:
            raise ImproperlyConfigured(f"HAYSTACK_CONNECTIONS[{connection_alias!r}] needs a PATH for the index files")
        self.store: IndexStore = get_store(path, float(connection_options.get("WRITER_TIMEOUT", 30)))
        if self.include_spelling:
            logger.warning("search: INCLUDE_SPELLING is not supported by the embedded engine; ignored")
        self.include_spelling = False

    # --- writing -----------------------------------------------------------------------------------

    def update(self, index, iterable: Iterable, commit: bool = True) -> None:
        documents = self.prepare_documents(index, iterable)
        if documents:
            self.write_documents(documents)

    def write_documents(self, documents: list[IndexDocument]) -> None:
        with self.store.writing(self.catalog) as (state, writer):
            for doc in documents:
                writer.delete_documents_by_term(f"{ID}__raw", doc.id)
                writer.add_document(tantivy_document(doc, state.kinds, state.schema))

    def remove(self, obj_or_string: Any, commit: bool = True) -> None:
        self.remove_ids([get_identifier(obj_or_string)])

    def remove_ids(self, ids: Iterable[str]) -> None:
        with self.store.writing(self.catalog, "remove") as (_state, writer):
            for doc_id in ids:
                writer.delete_documents_by_term(f"{ID}__raw", str(doc_id))

    def clear(self, models: Iterable | None = None, commit: bool = True) -> None:
        if not models:
            self.store.reset(self.catalog)
            return
        with self.store.writing(self.catalog, "clear") as (_state, writer):
            for model in models:
                writer.delete_documents_by_term(f"{DJANGO_CT}__raw", get_model_ct(model))

    def rebuild(self, batches: Iterable[list[IndexDocument]]) -> int:
        """Write all documents into a new build and swap it in atomically; returns the document count."""
        total = 0
        with self.store.building(self.catalog) as writer:
            kinds = self.catalog.subfield_kinds()
            schema = tantivy_schema(self.catalog)
            for batch in batches:
                for doc in batch:
                    writer.add_document(tantivy_document(doc, kinds, schema))
                total += len(batch)
        return total

    # --- reading -----------------------------------------------------------------------------------

    @log_query
    def search(self, query_string: str, **kwargs: Any) -> dict:
        registered = self.build_models_list()
        try:
            request = build_request(self.catalog, query_string, registered, **kwargs)
            return self.execute(request)
        except Exception:
            if not self.silently_fail:
                raise
            logger.exception("search: query failed: %s", str(query_string)[:500])
            return dict(EMPTY)

    def execute(self, request: SearchRequest) -> dict:
        opened = self.store.searcher()
        if opened is None:
            return {**EMPTY, "facets": facets_from_aggregations(request, {}, dict.fromkeys(request.count_facets, 0))}
        state, searcher = opened
        compiler = QueryCompiler(state.schema, state.kinds)
        query = compiler.compile(request.query)
        total, addresses_scores = self.hits(state, searcher, query, request)
        sources = [(json.loads(searcher.doc(address)[SOURCE_FIELD][0]), score) for address, score in addresses_scores]
        results, dropped = build_results(sources, self.unified_index, request.result_class, request.fields)

        facets: dict = {}
        if request.wants_facets:
            aggregations = {}
            aggs = adapt_aggregations(request.aggs, state.kinds)
            if aggs:
                aggregations = searcher.aggregate(query, aggs)
            counts = {
                key: searcher.search(compiler.compile(count_query(request, clause)), 1).count
                for key, clause in request.count_facets.items()
            }
            facets = facets_from_aggregations(request, aggregations, counts)
        return {"results": results, "hits": max(total - dropped, 0), "facets": facets, "spelling_suggestion": None}

    def hits(
        self, state: OpenIndex, searcher: tantivy.Searcher, query: tantivy.Query, request: SearchRequest
    ) -> tuple[int, list[tuple[Any, float]]]:
        """(total, [(address, score)]) for the requested page in the requested order."""
        known = [key for key in request.sort if key.field in state.kinds]
        if len(known) != len(request.sort):
            logger.warning("search: index %s lacks sort fields; run search_reindex", state.build)
            request.sort = known
        limit = request.limit if request.limit is not None else max(searcher.num_docs - request.offset, 0)
        if limit <= 0:
            return searcher.search(query, 1, count=True).count, []
        if len(request.sort) > 1:
            return python_sort_window(searcher, query, request, state.catalog)
        if request.sort:
            key = request.sort[0]
            order = tantivy.Order.Desc if key.descending else tantivy.Order.Asc
            found = searcher.search(
                query, limit, count=True, order_by_field=key.field, offset=request.offset, order=order
            )
            return found.count, [(address, 0.0) for _value, address in found.hits]
        found = searcher.search(query, limit, count=True, offset=request.offset)
        return found.count, [(address, float(score)) for score, address in found.hits]

    def more_like_this(self, model_instance, additional_query_string=None, result_class=None, **kwargs):
        raise MoreLikeThisError("more_like_this is not supported by the embedded search engine")

    def build_schema(self, fields: dict) -> tuple[str, list]:
        catalog = FieldCatalog.from_unified_index(self.unified_index)
        return catalog.document_field, catalog.subfields

    # --- operations --------------------------------------------------------------------------------

    def document_count(self) -> int:
        return self.store.info()["documents"]

    def indexed_versions(self, model, updated_field: str | None) -> dict[str, Any]:
        """{django_id: value of ``updated_field`` as indexed} for every indexed document of ``model``."""
        opened = self.store.searcher()
        if opened is None:
            return {}
        state, searcher = opened
        compiler = QueryCompiler(state.schema, state.kinds)
        query = compiler.compile({"term": {f"{DJANGO_CT}__raw": get_model_ct(model)}})
        total = searcher.search(query, 1).count
        if not total:
            return {}
        out = {}
        for _score, address in searcher.search(query, total).hits:
            source = json.loads(searcher.doc(address)[SOURCE_FIELD][0])
            out[str(source.get("django_id"))] = source.get(updated_field) if updated_field else None
        return out

    def status(self) -> dict:
        info = self.store.info()
        return {"backend": "embedded", "documents": info["documents"], "path": info["path"], "build": info["build"]}


class EmbeddedEngine(BaseEngine):
    backend = EmbeddedSearchBackend
    query = ShopSearchQuery
