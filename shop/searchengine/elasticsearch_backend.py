"""The Elasticsearch haystack engine (elasticsearch-py 8.x; Elasticsearch 8 and 9 servers).

Settings::

    HAYSTACK_CONNECTIONS = {"default": {
        "ENGINE": "shop.searchengine.elasticsearch_backend.ElasticsearchEngine",
        "URL": "http://localhost:9200",
        "INDEX_NAME": "shop-products",     # an alias; each full build is a new index behind it
        "REPLICAS": 1, "SHARDS": 1,        # optional
        "KWARGS": {...},                   # optional, passed to elasticsearch.Elasticsearch
    }}

Queries, facets and sorting are the same description the embedded engine runs (``request.py``);
``es_requests.py`` turns it into request bodies. A full rebuild fills a new index (no refresh, no
replicas while loading), then moves the alias in one atomic ``update_aliases`` call: zero downtime.

Not provided (yet): highlighting and spelling suggestions; spatial lookups raise ``SearchBackendError``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from haystack.backends import BaseEngine, BaseSearchBackend, log_query
from haystack.constants import DJANGO_CT, DJANGO_ID
from haystack.utils import get_identifier, get_model_ct

from shop.searchengine import es_requests
from shop.searchengine.backend_base import EMPTY, CatalogMixin
from shop.searchengine.haystack_query import RESERVED_CHARACTERS, RESERVED_WORDS, ShopSearchQuery
from shop.searchengine.request import SearchRequest, build_request, facets_from_aggregations
from shop.searchengine.results import build_results
from shop.searchengine.schema import IndexDocument

logger = logging.getLogger(__name__)


class ElasticsearchSearchBackend(CatalogMixin, BaseSearchBackend):
    RESERVED_WORDS = list(RESERVED_WORDS)
    RESERVED_CHARACTERS = list(RESERVED_CHARACTERS)

    def __init__(self, connection_alias: str, **connection_options: Any):
        super().__init__(connection_alias, **connection_options)
        if not connection_options.get("URL") or not connection_options.get("INDEX_NAME"):
            raise ImproperlyConfigured(f"HAYSTACK_CONNECTIONS[{connection_alias!r}] needs URL and INDEX_NAME")
        self.url = connection_options["URL"]
        self.alias = connection_options["INDEX_NAME"]
        self.shards = int(connection_options.get("SHARDS", 1))
        self.replicas = int(connection_options.get("REPLICAS", 1))
        self.client_kwargs = dict(connection_options.get("KWARGS", {}))
        self.include_spelling = False
        self._client = None
        self._alias_ready = False

    @property
    def client(self):
        if self._client is None:
            from elasticsearch import Elasticsearch

            self._client = Elasticsearch(self.url, request_timeout=self.timeout, **self.client_kwargs)
        return self._client

    # --- index management ----------------------------------------------------------------------------

    def alias_indices(self) -> list[str]:
        from elasticsearch import NotFoundError

        try:
            return sorted(self.client.indices.get_alias(name=self.alias).keys())
        except NotFoundError:
            return []

    def create_index(self, bulk_loading: bool = False) -> str:
        name = es_requests.new_index_name(self.alias)
        body = es_requests.index_body(self.catalog, self.shards, self.replicas, bulk_loading=bulk_loading)
        self.client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
        return name

    def setup(self) -> None:
        """Create the first index behind the alias when there is none."""
        if self._alias_ready or self.alias_indices():
            self._alias_ready = True
            return
        if self.client.indices.exists(index=self.alias):
            raise ImproperlyConfigured(
                f"Elasticsearch has an index named {self.alias!r}; the project needs that name for an alias. "
                "Delete or rename the index, then run `manage.py search_reindex`."
            )
        self.swap_alias(self.create_index())
        self._alias_ready = True

    def swap_alias(self, new_index: str) -> None:
        old = self.alias_indices()
        self.client.indices.update_aliases(actions=es_requests.alias_swap_actions(self.alias, new_index, old))
        for index in old:
            if index != new_index:
                self.client.options(ignore_status=404).indices.delete(index=index)

    # --- writing -------------------------------------------------------------------------------------

    def update(self, index, iterable: Iterable, commit: bool = True) -> None:
        documents = self.prepare_documents(index, iterable)
        if documents:
            self.write_documents(documents, commit=commit)

    def write_documents(self, documents: list[IndexDocument], commit: bool = True) -> None:
        from elasticsearch import helpers

        self.setup()
        helpers.bulk(
            self.client,
            es_requests.bulk_index_actions(self.alias, documents),
            refresh="wait_for" if commit else False,
        )

    def remove(self, obj_or_string: Any, commit: bool = True) -> None:
        self.remove_ids([get_identifier(obj_or_string)], commit=commit)

    def remove_ids(self, ids: Iterable[str], commit: bool = True) -> None:
        from elasticsearch import helpers

        if not self.alias_indices():
            return
        helpers.bulk(
            self.client,
            es_requests.bulk_delete_actions(self.alias, ids),
            refresh="wait_for" if commit else False,
            ignore_status=(404,),
            raise_on_error=False,
        )

    def clear(self, models: Iterable | None = None, commit: bool = True) -> None:
        if not models:
            self.swap_alias(self.create_index())
            return
        if not self.alias_indices():
            return
        query = {"terms": {f"{DJANGO_CT}__raw": [get_model_ct(m) for m in models]}}
        self.client.delete_by_query(index=self.alias, query=query, refresh=commit, conflicts="proceed")

    def rebuild(self, batches: Iterable[list[IndexDocument]]) -> int:
        """Fill a new index and move the alias to it atomically; returns the document count."""
        from elasticsearch import helpers

        name = self.create_index(bulk_loading=True)
        total = 0
        try:
            for batch in batches:
                if batch:
                    helpers.bulk(self.client, es_requests.bulk_index_actions(name, batch))
                    total += len(batch)
            self.client.indices.put_settings(
                index=name, settings={"number_of_replicas": self.replicas, "refresh_interval": None}
            )
            self.client.indices.refresh(index=name)
        except BaseException:
            self.client.options(ignore_status=404).indices.delete(index=name)
            raise
        self.swap_alias(name)
        return total

    # --- reading -------------------------------------------------------------------------------------

    @log_query
    def search(self, query_string: str, **kwargs: Any) -> dict:
        try:
            request = build_request(self.catalog, query_string, self.build_models_list(), **kwargs)
            return self.execute(request)
        except Exception:
            if not self.silently_fail:
                raise
            logger.exception("search: Elasticsearch query failed: %s", str(query_string)[:500])
            return dict(EMPTY)

    def execute(self, request: SearchRequest) -> dict:
        from elasticsearch import NotFoundError

        try:
            response = self.client.search(index=self.alias, body=es_requests.search_body(request)).body
        except NotFoundError:
            counts = dict.fromkeys(request.count_facets, 0)
            return {**EMPTY, "facets": facets_from_aggregations(request, {}, counts)}
        return self.parse_response(request, response)

    def parse_response(self, request: SearchRequest, response: dict) -> dict:
        total, sources = es_requests.parse_hits(response)
        results, dropped = build_results(sources, self.unified_index, request.result_class, request.fields)
        aggregations = response.get("aggregations", {})
        counts = es_requests.count_facet_results(request, aggregations)
        facets = facets_from_aggregations(request, aggregations, counts) if request.wants_facets else {}
        return {"results": results, "hits": max(total - dropped, 0), "facets": facets, "spelling_suggestion": None}

    def more_like_this(self, model_instance, additional_query_string=None, result_class=None, **kwargs) -> dict:
        request = build_request(self.catalog, additional_query_string or "*:*", self.build_models_list(), **kwargs)
        request.query = es_requests.more_like_this_query(
            self.alias, get_identifier(model_instance), self.catalog.document_field, request.query
        )
        request.result_class = result_class
        return self.execute(request)

    # --- operations ----------------------------------------------------------------------------------

    def document_count(self) -> int:
        from elasticsearch import NotFoundError

        try:
            return int(self.client.count(index=self.alias)["count"])
        except NotFoundError:
            return 0

    def indexed_versions(self, model, updated_field: str | None) -> dict[str, Any]:
        from elasticsearch import NotFoundError, helpers

        fields = [f"{es_requests.SOURCE_KEY}.{DJANGO_ID}"]
        if updated_field:
            fields.append(f"{es_requests.SOURCE_KEY}.{updated_field}")
        out = {}
        try:
            for hit in helpers.scan(
                self.client,
                index=self.alias,
                query={"query": es_requests.versions_query(get_model_ct(model)), "_source": fields},
            ):
                doc = hit["_source"].get(es_requests.SOURCE_KEY, {})
                out[str(doc.get(DJANGO_ID))] = doc.get(updated_field) if updated_field else None
        except NotFoundError:
            return {}
        return out

    def status(self) -> dict:
        info = self.client.info()
        indices = self.alias_indices()
        return {
            "backend": "elasticsearch",
            "server": info["version"]["number"],
            "alias": self.alias,
            "index": indices[0] if indices else None,
            "documents": self.document_count() if indices else 0,
        }


class ElasticsearchEngine(BaseEngine):
    backend = ElasticsearchSearchBackend
    query = ShopSearchQuery
