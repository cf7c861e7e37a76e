"""Query-time synonyms: a query word (or words) that belongs to a synonym set matches any term of the set.

The sets come from a *provider*, a function returning the sets as lists of terms (the search app
registers one that reads the operators' ``SynonymSet`` rows through the cache). Nothing is indexed:
a changed set applies to the next query, and both backends expand the same way because the expansion
happens while ``dsl.QueryBuilder`` builds the query.

Terms are compared as the words ``analysis.plan_query`` makes of them, lower-cased, so ``Gel Pen``,
``gel pen`` and ``gel-pen`` (one word) are told apart exactly as a query would be, and Chinese terms are
segmented by the same dictionary as queries. ``210×297`` and ``210x297`` both become the words 210 297.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from shop.searchengine import analysis

logger = logging.getLogger(__name__)

MAX_TERM_WORDS = 6
_DIMENSIONS = re.compile(r"(\d)\s*[×xX*]\s*(\d)")

Key = tuple[str, ...]
Provider = Callable[[], Iterable[Iterable[str]]]


def normalise(text: str) -> str:
    """Text as synonyms see it: ``210×297`` -> ``210 297`` (the other forms of a size are one word each)."""
    return _DIMENSIONS.sub(r"\1 \2", _DIMENSIONS.sub(r"\1 \2", str(text)))


def term_words(term: str) -> list[analysis.QueryWord]:
    return analysis.plan_query(normalise(term))


def key_of(words: Iterable[analysis.QueryWord]) -> Key:
    return tuple(word.text.lower() for word in words)


@dataclass
class SynonymTable:
    """Every synonym term by its words, each pointing at the alternatives of its set."""

    alternatives: dict[Key, list[list[analysis.QueryWord]]] = field(default_factory=dict)
    longest: int = 0

    @classmethod
    def build(cls, sets: Iterable[Iterable[str]]) -> SynonymTable:
        table = cls()
        for terms in sets:
            variants: dict[Key, list[analysis.QueryWord]] = {}
            for term in terms:
                words = term_words(term)
                if words and len(words) <= MAX_TERM_WORDS:
                    variants.setdefault(key_of(words), words)
            if len(variants) < 2:
                continue
            options = list(variants.values())
            for key in variants:
                merged = table.alternatives.setdefault(key, [])
                merged.extend(o for o in options if o not in merged)
                table.longest = max(table.longest, len(key))
        return table

    def __bool__(self) -> bool:
        return bool(self.alternatives)

    def group(self, words: list[analysis.QueryWord]) -> list[tuple[list[analysis.QueryWord], list | None]]:
        """``words`` cut into spans: (span, alternatives) for a synonym term, (one word, None) otherwise.

        The longest term wins at each position (``gel pen`` before ``pen``).
        """
        spans: list[tuple[list[analysis.QueryWord], list | None]] = []
        position = 0
        while position < len(words):
            for size in range(min(self.longest, len(words) - position), 0, -1):
                span = words[position : position + size]
                options = self.alternatives.get(key_of(span))
                if options:
                    spans.append((span, options))
                    position += size
                    break
            else:
                spans.append((words[position : position + 1], None))
                position += 1
        return spans


EMPTY = SynonymTable()
_provider: Provider | None = None
_built: tuple[object, SynonymTable] | None = None


def set_provider(provider: Provider | None) -> None:
    """Where synonym sets come from (called once at start-up by the search app)."""
    global _provider, _built
    _provider, _built = provider, None


def current_table() -> SynonymTable:
    """The table for the provider's current sets; rebuilt only when the sets it returns change."""
    global _built
    if _provider is None:
        return EMPTY
    try:
        sets = _provider()
    except Exception:  # a search must not fail because the synonyms cannot be read
        logger.exception("search: cannot read the synonym sets; searching without them")
        return EMPTY
    marker = sets if isinstance(sets, (tuple, str)) else tuple(tuple(s) for s in sets)
    built = _built
    if built is not None and built[0] == marker:
        return built[1]
    table = SynonymTable.build(marker)
    _built = (marker, table)
    return table
