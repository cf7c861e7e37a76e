"""Text analysis shared by both search backends: the one place that decides how text becomes terms.

Every analysed string field is indexed in up to three forms (see ``schema.py``):

* ``<field>``          English: runs of letters/digits other than Han characters, lowercase, ASCII-fold,
                       Snowball English stem (``pens`` -> ``pen``); analysed by the engine itself (tantivy
                       analyser / ES analyser defined below with the same steps);
* ``<field>__cjk``     Chinese: segmented here in Python with jieba (search mode + full mode + single
                       characters), joined with spaces and indexed by a whitespace + lowercase analyser;
                       only filled when the text contains CJK characters;
* ``<field>__prefix``  for haystack's (Edge)NgramFields: word prefixes computed here, whitespace-indexed.

Queries are planned here too (``plan_query``): user text becomes a short list of words, each of which is
matched against the forms above. Synonyms (``synonyms.py``), pinyin (``pinyin.py``) and typo tolerance
(``fuzziness``) are added by ``dsl.QueryBuilder.text``.
"""

from __future__ import annotations

import functools
import html
import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path

STATIONERY_DICTIONARY = Path(__file__).with_name("stationery_dict.txt")

# Analyser names, registered on every tantivy index open and declared in every ES index.
EN = "shop_en"
CJK = "shop_cjk"
PREFIX = "shop_prefix"
SORT = "shop_sort"
RAW = "raw"

MAX_TOKEN_CHARS = 40
MAX_QUERY_CHARS = 256
MAX_QUERY_WORDS = 32
PREFIX_MIN, PREFIX_MAX = 1, 20

_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_HAS_CJK = re.compile(f"[{_CJK_CHARS}]")
# A query word: a CJK run, or letters/digits possibly joined by . - / (0.5mm, A4, 12/box).
_QUERY_TOKEN = re.compile(rf"[{_CJK_CHARS}]+|[^\W_{_CJK_CHARS}]+(?:[.\-/'][^\W_{_CJK_CHARS}]+)*")
_WORD = re.compile(rf"[^\W_{_CJK_CHARS}]+")

_jieba_lock = threading.Lock()
_jieba_tokenizer = None


_warm_up_started = False


def warm_up_in_background() -> None:
    """Load the jieba dictionary in a daemon thread so the first Chinese query does not wait ≈0.8 s."""
    global _warm_up_started
    if _warm_up_started or _jieba_tokenizer is not None:
        return
    _warm_up_started = True
    threading.Thread(target=jieba_tokenizer, name="jieba-warm-up", daemon=True).start()


_TAG = re.compile(r"<[^>]{0,500}>")


def plain_text(text: str) -> str:
    """Rendered template text without HTML tags and entities (Oscar's descriptions are HTML)."""
    if "&" in text:
        text = html.unescape(html.unescape(text))
    if "<" in text:
        text = _TAG.sub(" ", text)
    return text


def has_cjk(text: str) -> bool:
    return bool(_HAS_CJK.search(text))


def jieba_tokenizer():
    """The process-wide jieba tokenizer with the stationery dictionary (loaded once, ≈0.8 s)."""
    global _jieba_tokenizer
    if _jieba_tokenizer is None:
        with _jieba_lock:
            if _jieba_tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                tokenizer.load_userdict(str(STATIONERY_DICTIONARY))
                _jieba_tokenizer = tokenizer
    return _jieba_tokenizer


def segment_for_index(text: str) -> str:
    """Chinese index form of ``text``: space-joined jieba tokens of its CJK runs ("" when there are none).

    Search mode gives words and their dictionary sub-words (中性笔 -> 中性 中性笔); full mode adds
    dictionary words that straddle a search-mode boundary (黑色中性笔芯 -> 笔芯); single characters let a
    one-character query (笔) match. Latin words are left to the English form, whose tokenizer splits
    them from adjacent Chinese (A4复印纸 -> a4).
    """
    if not text:
        return ""
    tokens: dict[str, None] = {}
    for run in CJK_RUN.findall(text):
        for token in segment_run(run):
            tokens[token] = None
    return " ".join(tokens)


def segment_run(run: str) -> tuple[str, ...]:
    """The index tokens of one run of Chinese characters (cached for short runs, as titles repeat words)."""
    return _segment_run(run) if len(run) <= _CACHED_RUN_CHARS else _segment_run.__wrapped__(run)


_CACHED_RUN_CHARS = 32


@functools.lru_cache(maxsize=50_000)
def _segment_run(run: str) -> tuple[str, ...]:
    tokenizer = jieba_tokenizer()
    tokens = dict.fromkeys(t for t in tokenizer.lcut_for_search(run) if t.strip())
    for token in [*tokenizer.lcut(run, cut_all=True), *run]:
        tokens.setdefault(token)
    return tuple(t for t in tokens if t.strip() and len(t) <= MAX_TOKEN_CHARS)


def prefixes_for_index(text: str) -> str:
    """Edge n-grams of every word (lowercased), for autocomplete on haystack's (Edge)NgramFields."""
    if not text:
        return ""
    grams: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        for size in range(PREFIX_MIN, min(len(word), PREFIX_MAX) + 1):
            grams[word[:size]] = None
    return " ".join(grams)


@dataclass(frozen=True)
class QueryWord:
    """One unit of a user query: a Chinese word (matched in the Chinese form) or a Latin word (English)."""

    text: str
    cjk: bool


def plan_query(text: str) -> list[QueryWord]:
    """Split user text into at most ``MAX_QUERY_WORDS`` words; never raises, ignores syntax characters."""
    if not isinstance(text, str):
        text = str(text)
    words: list[QueryWord] = []
    for token in _QUERY_TOKEN.findall(text[:MAX_QUERY_CHARS]):
        if has_cjk(token):
            words.extend(QueryWord(w, True) for w in jieba_tokenizer().lcut(token) if w.strip())
        elif len(token) <= MAX_TOKEN_CHARS:
            words.append(QueryWord(token, False))
        if len(words) >= MAX_QUERY_WORDS:
            break
    unique = list(dict.fromkeys(words))
    return unique[:MAX_QUERY_WORDS]


def lower(text: str) -> str:
    return text.lower()


# --- tantivy -----------------------------------------------------------------------------------------


def tantivy_analyzers() -> dict:
    """Analyser name -> tantivy TextAnalyzer, built fresh (they must be registered on every index open)."""
    import tantivy

    def build(tokenizer, *filters):
        builder = tantivy.TextAnalyzerBuilder(tokenizer)
        for token_filter in filters:
            builder = builder.filter(token_filter)
        return builder.build()

    f = tantivy.Filter
    return {
        EN: build(
            tantivy.Tokenizer.regex(r"[[\p{L}\p{N}]--\p{Han}]+"),
            f.remove_long(MAX_TOKEN_CHARS),
            f.lowercase(),
            f.ascii_fold(),
            f.stemmer("english"),
        ),
        CJK: build(tantivy.Tokenizer.whitespace(), f.remove_long(MAX_TOKEN_CHARS), f.lowercase()),
        PREFIX: build(tantivy.Tokenizer.whitespace(), f.lowercase()),
        SORT: build(tantivy.Tokenizer.raw(), f.lowercase()),
    }


def register_tantivy_analyzers(index) -> None:
    for name, analyzer in tantivy_analyzers().items():
        index.register_tokenizer(name, analyzer)
        index.register_fast_field_tokenizer(name, analyzer)


_analyzer_cache = threading.local()


def analyze(analyzer_name: str, text: str) -> list[str]:
    """Terms ``text`` produces under one of the analysers above (same code path as indexing)."""
    analyzers = getattr(_analyzer_cache, "analyzers", None)
    if analyzers is None:
        analyzers = _analyzer_cache.analyzers = tantivy_analyzers()
    if analyzer_name == RAW:
        return [text]
    return analyzers[analyzer_name].analyze(text)


# --- Elasticsearch -----------------------------------------------------------------------------------

ELASTICSEARCH_ANALYSIS = {
    "tokenizer": {
        # The same token pattern as the tantivy analyser: runs of letters and digits except Han characters.
        "shop_alnum": {"type": "pattern", "pattern": "[\\p{L}\\p{N}&&[^\\p{IsHan}]]+", "group": 0},
    },
    "filter": {
        "shop_max_len": {"type": "length", "max": MAX_TOKEN_CHARS},
        "shop_english_stem": {"type": "stemmer", "language": "porter2"},
    },
    "analyzer": {
        EN: {
            "type": "custom",
            "tokenizer": "shop_alnum",
            "filter": ["shop_max_len", "lowercase", "asciifolding", "shop_english_stem"],
        },
        CJK: {"type": "custom", "tokenizer": "whitespace", "filter": ["shop_max_len", "lowercase"]},
        PREFIX: {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
    },
    "normalizer": {SORT: {"type": "custom", "filter": ["lowercase"]}},
}


# --- typo tolerance ----------------------------------------------------------------------------------

FUZZY_ONE_EDIT_FROM = 5  # letters; shorter words must be typed right (pen/pan/pin are different products)
FUZZY_TWO_EDITS_FROM = 8
_FUZZY_WORD = re.compile(r"[^\W\d_]+")


def fuzziness(word: str) -> int:
    """Edits a Latin query word may be away from an indexed word: 0, 1 (5–7 letters) or 2 (8 or more).

    Words with digits or punctuation (SKUs, 0.5mm, A4) are never fuzzy: a near miss there is another product.
    """
    if has_cjk(word) or not _FUZZY_WORD.fullmatch(word):
        return 0
    if len(word) >= FUZZY_TWO_EDITS_FROM:
        return 2
    return 1 if len(word) >= FUZZY_ONE_EDIT_FROM else 0
