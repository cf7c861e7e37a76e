"""Stored documents -> haystack ``SearchResult`` objects (shared by both backends)."""

from __future__ import annotations

import logging
from typing import Any

from haystack.constants import DJANGO_CT, DJANGO_ID
from haystack.models import SearchResult
from haystack.utils.app_loading import haystack_get_model

logger = logging.getLogger(__name__)


def build_results(
    hits: list[tuple[dict, float]],
    unified_index,
    result_class: Any = None,
    fields: set[str] | None = None,
) -> tuple[list, int]:
    """(results, dropped): hits whose model is no longer indexed are dropped, as haystack's backends do."""
    result_class = result_class or SearchResult
    indexed_models = set(unified_index.get_indexed_models())
    results, dropped = [], 0
    for source, score in hits:
        try:
            app_label, model_name = str(source[DJANGO_CT]).split(".")
            model = haystack_get_model(app_label, model_name)
        except (KeyError, ValueError, LookupError):
            model = None
        if model is None or model not in indexed_models:
            dropped += 1
            continue
        index = unified_index.get_index(model)
        additional: dict[str, Any] = {}
        for key, value in source.items():
            if key in (DJANGO_CT, DJANGO_ID) or (fields and key not in fields):
                continue
            search_field = index.fields.get(key)
            if search_field is not None and value is not None:
                try:
                    value = search_field.convert(value)
                except (TypeError, ValueError) as exc:
                    logger.debug("search: cannot convert %s=%r: %s", key, value, exc)
            additional[key] = value
        results.append(result_class(app_label, model_name, source[DJANGO_ID], score, **additional))
    return results, dropped
