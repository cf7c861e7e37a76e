"""Pinyin input: Chinese titles indexed as pinyin so a buyer typing ``zhongxingbi`` or ``zxb`` finds 中性笔.

Index side (``pinyin_for_index``): every Chinese word of two or more characters that the segmenter finds
(the same jieba tokens as the ``__cjk`` form), and every whole run of Chinese characters, become two
terms: the full pinyin without tones and spaces (中性笔 -> ``zhongxingbi``) and the first letters
(``zxb``). Single characters are left out on purpose: their pinyin (``bi``, ``b``) would match far too much.

Query side (``is_pinyin_word``): only words made of Latin letters are tried as pinyin, and only in
addition to their normal English match, never instead of it.
"""

from __future__ import annotations

import functools
import re

from shop.searchengine import analysis

MIN_WORD_CHARS = 2
MIN_QUERY_LETTERS = 2
_LETTERS = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=100_000)
def word_pinyin(word: str) -> tuple[str, str]:
    """(full pinyin, first letters) of a Chinese word: 中性笔 -> ("zhongxingbi", "zxb")."""
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(word, errors="ignore")).lower()
    initials = "".join(lazy_pinyin(word, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return full, initials


def warm_up() -> None:
    """Import pypinyin and its dictionaries now (≈1.4 s once per process) rather than inside the first document."""
    word_pinyin("中性笔")


@functools.lru_cache(maxsize=50_000)
def _run_terms(run: str) -> tuple[str, ...]:
    words = [t for t in analysis.segment_run(run) if len(t) >= MIN_WORD_CHARS]
    if len(run) >= MIN_WORD_CHARS:
        words.append(run)
    terms: dict[str, None] = {}
    for word in words:
        for term in word_pinyin(word):
            if len(term) >= MIN_QUERY_LETTERS and len(term) <= analysis.MAX_TOKEN_CHARS:
                terms[term] = None
    return tuple(terms)


def pinyin_for_index(text: str) -> str:
    """Space-joined pinyin terms of the Chinese words in ``text`` ("" when it has no Chinese)."""
    if not text or not analysis.has_cjk(text):
        return ""
    terms: dict[str, None] = {}
    for run in analysis.CJK_RUN.findall(text):
        for term in _run_terms(run[: analysis.MAX_TOKEN_CHARS]):
            terms[term] = None
    return " ".join(terms)


def is_pinyin_word(word: str) -> bool:
    """A query word that could be pinyin input: Latin letters only, at least two of them."""
    lowered = word.lower()
    return (
        len(lowered) >= MIN_QUERY_LETTERS
        and len(lowered) <= analysis.MAX_TOKEN_CHARS
        and bool(_LETTERS.fullmatch(lowered))
    )
