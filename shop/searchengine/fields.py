"""haystack field types that ask the project's backends for more than haystack itself can express."""

from __future__ import annotations

from haystack import indexes


class PinyinEdgeNgramField(indexes.EdgeNgramField):
    """An autocomplete text field whose Chinese words are also indexed as pinyin (see ``pinyin.py``).

    Backends that do not know the flag (Whoosh, Solr) index it as a plain ``EdgeNgramField``.
    """

    pinyin = True
