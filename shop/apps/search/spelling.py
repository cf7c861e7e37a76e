""" "Did you mean …?" for a query that found nothing: near words taken from the products that do exist.

Typos in words of five letters or more are already forgiven by the query itself (``dsl.QueryBuilder``).
What is left empty is mostly a short misspelt word (``pne``, ``gle pen``) or several typos. Here every
Latin word of three or more letters is searched fuzzily (one edit), and each is replaced by the closest
word of the best matching product's title; the corrected query is offered only if it finds something.
"""

from __future__ import annotations

import re

from haystack.inputs import Raw

MIN_WORD = 3
MAX_EDITS = 2
_LATIN_WORD = re.compile(r"[^\W\d_]+")


def edit_distance(a: str, b: str, limit: int = MAX_EDITS) -> int:
    """Levenshtein distance with adjacent transpositions, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def suggest(sqs, text: str) -> str | None:
    """A corrected ``text`` built from the titles of what a fuzzy search finds, or None."""
    words = text.split()
    fixable = [w for w in words if _LATIN_WORD.fullmatch(w) and len(w) >= MIN_WORD]
    if not fixable:
        return None
    fuzzy = " ".join(f"{w}~" if w in fixable else w for w in words)
    best = sqs.filter(content=Raw(fuzzy))[:3]
    vocabulary: list[str] = []
    for result in best:
        title = getattr(result, "title", "") or ""
        vocabulary.extend(dict.fromkeys(_LATIN_WORD.findall(title.lower())))
    if not vocabulary:
        return None
    corrected = []
    for word in words:
        if word not in fixable:
            corrected.append(word)
            continue
        lowered = word.lower()
        scored = sorted((edit_distance(lowered, v), n, v) for n, v in enumerate(vocabulary))
        distance, _n, closest = scored[0]
        corrected.append(closest if 0 < distance <= MAX_EDITS else word)
    suggestion = " ".join(corrected)
    return suggestion if suggestion.lower() != text.lower() else None
