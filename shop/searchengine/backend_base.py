"""What both project backends share: the field catalog of the unified index and document preparation."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.utils import translation
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier

from shop.searchengine import analysis
from shop.searchengine.schema import FieldCatalog, IndexDocument, flatten

logger = logging.getLogger(__name__)

EMPTY = {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}


class CatalogMixin:
    """The field catalog of the connection's unified index (built lazily, once per backend)."""

    connection_alias: str
    _catalog: FieldCatalog | None = None

    def __init__(self, connection_alias: str, **connection_options):
        super().__init__(connection_alias, **connection_options)
        analysis.warm_up_in_background()

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
                prepared = index.full_prepare(obj)
                self.add_translations(index, obj, prepared)
                documents.append(flatten(self.catalog, prepared))
            except SkipDocument:
                logger.debug("search: skipping %s", get_identifier(obj))
            except Exception:
                if not self.silently_fail:
                    raise
                logger.exception("search: cannot prepare %s for indexing", get_identifier(obj))
        return documents

    def documents_from_prepared(self, prepared: Iterable[dict]) -> list[IndexDocument]:
        """Documents from dictionaries already in ``full_prepare`` form (every language included)."""
        catalog = self.catalog
        return [flatten(catalog, data) for data in prepared]

    @property
    def document_languages(self) -> list[str]:
        """Languages the document field is rendered in (connection option DOCUMENT_LANGUAGES)."""
        from django.conf import settings

        options = settings.HAYSTACK_CONNECTIONS.get(self.connection_alias, {})
        languages = options.get("DOCUMENT_LANGUAGES")
        if languages is None:
            languages = [code for code, _name in getattr(settings, "LANGUAGES", [])]
        return list(languages)

    def add_translations(self, index, obj, prepared: dict) -> None:
        """Render the document field in every configured language and index them all.

        Translated model fields (django-modeltranslation) read the active language, so the document
        template rendered once holds one language only; a buyer searching 中性笔 must still find a product
        whose English title is "Gel pen". Identical renderings (untranslated text) are kept once.
        """
        name = self.catalog.document_field
        field = next((f for f in index.fields.values() if f.document and f.index_fieldname == name), None)
        if field is None or len(self.document_languages) < 2:
            return
        texts = [prepared.get(name) or ""]
        custom = getattr(index, f"prepare_{field.instance_name}", None)
        for language in self.document_languages:
            with translation.override(language):
                text = custom(obj) if custom else field.prepare(obj)
            if text and text not in texts:
                texts.append(text)
        prepared[name] = "\n".join(t for t in texts if t)
