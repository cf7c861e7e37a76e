"""The help centre's own search: live articles under one help index, in that index's language."""

from __future__ import annotations

from django.db.models import QuerySet


def search_articles(help_index, query: str) -> QuerySet | list:
    from .models import HelpArticlePage

    articles = HelpArticlePage.objects.child_of(help_index).live().public().specific()
    if not query:
        return articles.order_by("path")
    return list(articles.search(query, operator="and"))
