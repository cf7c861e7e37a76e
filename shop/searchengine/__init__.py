"""Haystack search backends owned by the project: the embedded engine (tantivy) and Elasticsearch 8/9.

Module map:

* ``analysis``      how text becomes terms (English stemming, jieba for Chinese, prefixes); one place
* ``schema``        haystack fields -> engine subfields, documents flattened for indexing
* ``dsl``           haystack lookups -> Elasticsearch query DSL (the shared query language)
* ``lucene``        forgiving parser for the Lucene strings Oscar and haystack pass (narrow, query facets)
* ``haystack_query`` the SearchQuery class both engines use
* ``request``       search kwargs -> SearchRequest (query, aggregations, sort, paging); facets parsed back
* ``results``       stored documents -> SearchResult
* ``backend_base``  what both backends share (field catalog, document preparation in every language)
* ``embedded``, ``tantivy_store``, ``tantivy_query``, ``sorting``    the embedded engine
* ``elasticsearch_backend``, ``es_requests``                         the Elasticsearch engine
* ``indexing``      bulk reading of the database for full rebuilds and drift checks
* ``status``        what /healthz reports
"""
