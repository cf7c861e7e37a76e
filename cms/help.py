"""The help centre's own search: live articles under one help index, in that index's language.

A help centre holds tens of articles, not thousands, and half of them are
Chinese, which word-based full-text search does not segment. So the search
reads the index's live articles and keeps those containing every word of the
query (a Chinese query is matched as written), titles matching first.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.html import strip_tags

MAX_ARTICLES = 1000


def article_text(article) -> str:
    parts = [article.title, article.summary]
    parts.extend(article.body.stream_block.get_searchable_content(article.body))
    return strip_tags(" ".join(str(part) for part in parts if part)).casefold()


def search_articles(help_index, query: str) -> QuerySet | list:
    from .models import HelpArticlePage

    articles = HelpArticlePage.objects.child_of(help_index).live().public().order_by("path")
    words = [word.casefold() for word in query.split()]
    if not words:
        return articles
    found = []
    for article in articles[:MAX_ARTICLES]:
        text = article_text(article)
        if all(word in text for word in words):
            in_title = all(word in article.title.casefold() for word in words)
            found.append((not in_title, article.path, article))
    return [article for _miss, _path, article in sorted(found, key=lambda item: item[:2])]
