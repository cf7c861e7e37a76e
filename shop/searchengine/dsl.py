"""Backend-neutral query building: haystack's notions (content, exact, in, range, …) as Elasticsearch
query DSL over the flat subfields of ``schema.py``.

Only this subset of the DSL is produced, and ``tantivy_query.py`` compiles exactly this subset:
``match_all``, ``match_none``, ``bool`` (must/should/must_not/filter, minimum_should_match, boost),
``term``, ``terms``, ``range``, ``exists``, ``match_phrase``, ``regexp`` and ``fuzzy``.

Every method returns a valid clause for any input: a value that cannot match (an unknown field, ``abc``
for an integer field) gives ``match_none`` instead of an error.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from shop.searchengine import analysis, pinyin, synonyms
from shop.searchengine.schema import (
    BOOLEAN,
    KEYWORD,
    SUB_CJK,
    SUB_EN,
    SUB_PINYIN,
    SUB_PREFIX,
    TEXT,
    FieldCatalog,
    FieldSpec,
    coerce,
)

logger = logging.getLogger(__name__)

Clause = dict[str, Any]
MATCH_ALL: Clause = {"match_all": {}}
MATCH_NONE: Clause = {"match_none": {}}
FUZZY_BOOST = 0.2  # a near miss scores far below a word typed right (BM25 of a real match is ~1-10)
PINYIN_BOOST = 0.8
MAX_JOINED_PINYIN_WORDS = 6
_AUTO_QUERY_PHRASE = re.compile(r'"(?P<phrase>.*?)"')


def is_match_all(clause: Clause) -> bool:
    return "match_all" in clause


def is_match_none(clause: Clause) -> bool:
    return "match_none" in clause


def all_of(clauses: list[Clause], must_not: list[Clause] | None = None) -> Clause:
    """Conjunction with the obvious simplifications (so simple queries stay simple JSON)."""
    must = [c for c in clauses if not is_match_all(c)]
    negated = [c for c in (must_not or []) if not is_match_none(c)]
    if any(is_match_none(c) for c in must) or any(is_match_all(c) for c in negated):
        return MATCH_NONE
    if not negated:
        if not must:
            return MATCH_ALL
        if len(must) == 1:
            return must[0]
    return {"bool": {"must": must or [MATCH_ALL], "must_not": negated}} if negated else {"bool": {"must": must}}


def any_of(clauses: list[Clause]) -> Clause:
    should = [c for c in clauses if not is_match_none(c)]
    if not should:
        return MATCH_NONE
    if any(is_match_all(c) for c in should):
        return MATCH_ALL
    if len(should) == 1:
        return should[0]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def none_of(clause: Clause) -> Clause:
    return all_of([], must_not=[clause])


def filtered(query: Clause, filters: list[Clause]) -> Clause:
    """``query`` scored, ``filters`` unscored (Elasticsearch filter context)."""
    filters = [f for f in filters if not is_match_all(f)]
    if not filters:
        return query
    if any(is_match_none(f) for f in filters) or is_match_none(query):
        return MATCH_NONE
    return {"bool": {"must": [query], "filter": filters}}


class QueryBuilder:
    """Builds clauses for haystack lookups against a ``FieldCatalog``.

    ``synonym_table`` defaults to the operators' current synonym sets (``synonyms.current_table``).
    """

    def __init__(self, catalog: FieldCatalog, synonym_table: synonyms.SynonymTable | None = None):
        self.catalog = catalog
        self._synonyms = synonym_table

    @property
    def synonyms(self) -> synonyms.SynonymTable:
        if self._synonyms is None:
            self._synonyms = synonyms.current_table()
        return self._synonyms

    def spec(self, field: str | None) -> FieldSpec | None:
        spec = self.catalog.get(field or "content")
        if spec is None:
            logger.debug("search: unknown field %r matches nothing", field)
        return spec

    # --- values ----------------------------------------------------------------------------------

    def exact(self, field: str | None, value: Any) -> Clause:
        """The field holds exactly ``value`` (``field:"value"``, haystack ``exact``/``in``)."""
        spec = self.spec(field)
        if spec is None:
            return MATCH_NONE
        if spec.kind == TEXT:
            text = str(value)
            if spec.document or analysis.has_cjk(text):
                return self.phrase(field, text)
            return any_of([{"term": {spec.exact_field: text}}, self._phrase_clause(spec, text)])
        try:
            return {"term": {spec.exact_field: coerce(spec, value)}}
        except (TypeError, ValueError, OverflowError):
            return MATCH_NONE

    def terms(self, field: str | None, values: list[Any]) -> Clause:
        spec = self.spec(field)
        if spec is None or not values:
            return MATCH_NONE
        if spec.kind == TEXT:
            return any_of([self.exact(field, v) for v in values])
        coerced = []
        for value in values:
            try:
                coerced.append(coerce(spec, value))
            except (TypeError, ValueError, OverflowError):
                continue
        return {"terms": {spec.exact_field: coerced}} if coerced else MATCH_NONE

    def range(
        self,
        field: str | None,
        lower: Any = None,
        upper: Any = None,
        include_lower: bool = True,
        include_upper: bool = True,
    ) -> Clause:
        spec = self.spec(field)
        if spec is None or spec.exact_field is None:
            return MATCH_NONE
        bounds: dict[str, Any] = {}
        try:
            if lower is not None:
                bounds["gte" if include_lower else "gt"] = coerce(spec, lower)
            if upper is not None:
                bounds["lte" if include_upper else "lt"] = coerce(spec, upper)
        except (TypeError, ValueError, OverflowError):
            return MATCH_NONE
        if spec.kind == BOOLEAN:
            return MATCH_NONE
        return {"range": {spec.exact_field: bounds}} if bounds else {"exists": {"field": spec.exact_field}}

    # --- text ------------------------------------------------------------------------------------

    def text(self, field: str | None, text: Any) -> Clause:
        """All words of ``text`` occur in the field (analysed; English stems, Chinese words).

        A word, or a run of words, that is a synonym term matches any term of its set; Latin words also
        match as pinyin of Chinese titles and, a little, with a typo (see ``_word_clause``); Latin words
        typed apart (``zhong xing bi``) also match as one pinyin word.
        """
        spec = self.spec(field)
        if spec is None:
            return MATCH_NONE
        if spec.kind != TEXT:
            return self.exact(field, text)
        words = analysis.plan_query(synonyms.normalise(str(text)))
        if not words:
            return MATCH_NONE
        clauses = []
        for span, options in self.synonyms.group(words):
            if options is None:
                clauses.append(self._word_clause(spec, span[0]))
            else:
                clauses.append(any_of([all_of([self._word_clause(spec, w) for w in option]) for option in options]))
        clause = all_of(clauses)
        joined = self._joined_pinyin(spec, words)
        return any_of([clause, joined]) if joined else clause

    def phrase(self, field: str | None, text: Any) -> Clause:
        spec = self.spec(field)
        if spec is None:
            return MATCH_NONE
        text = str(text)[: analysis.MAX_QUERY_CHARS]
        if spec.kind != TEXT:
            return self.exact(field, text)
        if analysis.has_cjk(text) or not text.strip():
            return self.text(field, text)
        return self._phrase_clause(spec, text)

    def auto_query(self, field: str | None, text: Any) -> Clause:
        """haystack's AutoQuery: ``"exact phrases"``, ``-excluded`` words, everything else must match."""
        text = str(text)[: analysis.MAX_QUERY_CHARS]
        phrases = _AUTO_QUERY_PHRASE.findall(text)
        rest = _AUTO_QUERY_PHRASE.sub(" ", text)
        must = [self.phrase(field, p) for p in phrases if analysis.plan_query(p)]
        words, negated = [], []
        for token in rest.split():
            if token.startswith("-") and len(token) > 1:
                if analysis.plan_query(token[1:]):
                    negated.append(self.text(field, token[1:]))
            else:
                words.append(token)
        if analysis.plan_query(" ".join(words)):
            must.append(self.text(field, " ".join(words)))
        if not must and not negated:
            return MATCH_NONE
        return all_of(must, must_not=negated)

    def pattern(self, field: str | None, value: Any, kind: str) -> Clause:
        """haystack ``contains`` / ``startswith`` / ``endswith`` on the field's terms."""
        spec = self.spec(field)
        if spec is None or spec.kind not in (TEXT, KEYWORD):
            return self.exact(field, value)
        target = spec.sub(SUB_EN) if spec.kind == TEXT else spec.exact_field
        literal = str(value)[: analysis.MAX_TOKEN_CHARS]
        if spec.kind == TEXT:
            literal = literal.lower()
        if not literal.strip():
            return MATCH_NONE
        body = "".join(ch if ch.isalnum() else "." for ch in literal)
        regex = {"contains": f".*{body}.*", "startswith": f"{body}.*", "endswith": f".*{body}"}[kind]
        return {"regexp": {target: {"value": regex}}}

    def fuzzy(self, field: str | None, value: Any) -> Clause:
        spec = self.spec(field)
        if spec is None or spec.kind != TEXT:
            return self.exact(field, value)
        words = analysis.plan_query(str(value))
        clauses = []
        for word in words:
            if word.cjk:
                clauses.append({"term": {spec.sub(SUB_CJK): word.text.lower()}})
            else:
                clauses.append(self._fuzzy_clause(spec, word.text, 1) or self._phrase_clause(spec, word.text))
        return all_of(clauses) if clauses else MATCH_NONE

    def _word_clause(self, spec: FieldSpec, word: analysis.QueryWord) -> Clause:
        lowered = word.text.lower()
        if word.cjk:
            return {"term": {spec.sub(SUB_CJK): lowered}}
        options = [self._phrase_clause(spec, word.text)]
        if spec.prefix:
            options.append({"term": {spec.sub(SUB_PREFIX): lowered}})
        if pinyin.is_pinyin_word(lowered):
            options.extend(self._pinyin_clause(name, lowered) for name in self._pinyin_fields(spec))
        edits = analysis.fuzziness(word.text)
        if edits:
            options.extend(self._near_miss_clauses(spec, word.text, edits))
        return any_of(options)

    @classmethod
    def _near_miss_clauses(cls, spec: FieldSpec, text: str, edits: int) -> list[Clause]:
        """Near misses of the word as typed and of its stem; a document near both ranks above one near either.

        A typo often moves the stem: ``stapeler`` stems to ``stapel``, one edit from ``stapl`` (staples)
        and two from ``stapler``, while the word as typed is one edit from ``stapler``. Matched only by
        stem, every near miss scored the same and shredders could come before staplers.
        """
        stemmed = cls._fuzzy_clause(spec, text, edits, boost=FUZZY_BOOST / 2)
        if stemmed is None:
            return []
        typed = text.lower()
        if stemmed["fuzzy"][spec.sub(SUB_EN)]["value"] == typed:
            return [cls._fuzzy_clause(spec, text, edits, boost=FUZZY_BOOST)]
        return [{"fuzzy": {spec.sub(SUB_EN): {"value": typed, "fuzziness": edits, "boost": FUZZY_BOOST / 2}}}, stemmed]

    def _pinyin_fields(self, spec: FieldSpec) -> list[str]:
        """Pinyin subfields a word searched in ``spec`` is also looked up in (all of them for the document)."""
        if spec.document:
            return [s.sub(SUB_PINYIN) for s in self.catalog.fields.values() if s.pinyin and s.kind == TEXT]
        return [spec.sub(SUB_PINYIN)] if spec.pinyin else []

    @staticmethod
    def _pinyin_clause(field: str, term: str) -> Clause:
        return {"bool": {"should": [{"term": {field: term}}], "boost": PINYIN_BOOST}}

    def _joined_pinyin(self, spec: FieldSpec, words: list[analysis.QueryWord]) -> Clause | None:
        if not 2 <= len(words) <= MAX_JOINED_PINYIN_WORDS or not all(pinyin.is_pinyin_word(w.text) for w in words):
            return None
        joined = "".join(w.text.lower() for w in words)
        if len(joined) > analysis.MAX_TOKEN_CHARS:
            return None
        fields = self._pinyin_fields(spec)
        return any_of([self._pinyin_clause(name, joined) for name in fields]) if fields else None

    @staticmethod
    def _fuzzy_clause(spec: FieldSpec, text: str, edits: int, boost: float | None = None) -> Clause | None:
        """A fuzzy match of the word's English index form (Elasticsearch's fuzzy query is not analysed)."""
        terms = analysis.analyze(analysis.EN, text)
        if len(terms) != 1:
            return None
        body: dict[str, Any] = {"value": terms[0], "fuzziness": edits}
        if boost is not None:
            body["boost"] = boost
        return {"fuzzy": {spec.sub(SUB_EN): body}}

    @staticmethod
    def _phrase_clause(spec: FieldSpec, text: str) -> Clause:
        return {"match_phrase": {spec.sub(SUB_EN): {"query": text}}}
