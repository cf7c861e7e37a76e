"""``search_status()``: what ``/healthz`` reports about the search backend (raises when it is unusable)."""

from __future__ import annotations

from haystack.constants import DEFAULT_ALIAS


def search_status(using: str = DEFAULT_ALIAS) -> dict:
    """Backend name, document count and where the index lives; raises when the index cannot be used.

    Embedded: opens the current build (a missing index is reported, not an error: a fresh deployment
    has none until ``search_reindex`` runs). Elasticsearch: pings the cluster, resolves the alias and
    counts documents.
    """
    from haystack import connections

    backend = connections[using].get_backend()
    status = getattr(backend, "status", None)
    if status is None:
        return {"backend": type(backend).__module__.rsplit(".", 1)[-1], "detail": "no status for this engine"}
    return status()
