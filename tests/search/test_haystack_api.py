"""The rest of haystack's SearchQuerySet API on the embedded engine (lookups, autocomplete, date facets)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from haystack.inputs import Exact, Raw
from haystack.query import SQ, SearchQuerySet

pytestmark = pytest.mark.django_db


def titles(sqs) -> set[str]:
    return {r.title for r in sqs}


def test_lookups(catalogue):
    sqs = SearchQuerySet()
    assert sqs.filter(price__gte=40).count() == 2
    assert sqs.filter(price__lt=12).count() == 1
    assert sqs.filter(price__range=(12, 25)).count() == 3
    assert sqs.filter(num_in_stock__gt=60).count() == 2
    assert sqs.exclude(product_class="Pens").count() == 3
    assert sqs.filter(product_class=Exact("Paper")).count() == 2
    assert sqs.filter(title__startswith="stap").count() == 1
    assert sqs.filter(title__contains="ountai").count() == 1
    assert sqs.filter(title__fuzzy="staplr").count() == 1
    assert sqs.filter(SQ(product_class="Office") | SQ(price__gt=80)).count() == 2
    assert sqs.filter(date_created__lte=timezone.now()).count() == 7
    assert sqs.filter(date_created__gt=timezone.now() + datetime.timedelta(days=1)).count() == 0
    assert sqs.filter(upc="UPC-GEL").count() == 1


def test_raw_and_narrow_with_sq(catalogue):
    assert SearchQuerySet().filter(content=Raw("stapler OR fountain")).count() == 2
    assert SearchQuerySet().filter(content=Raw("pen AND NOT gift")).count() == 2
    assert SearchQuerySet().narrow(SQ(product_class="Paper")).count() == 2
    assert SearchQuerySet().narrow(SQ(price__range=[0, 10])).count() == 1


def test_autocomplete_on_the_edge_ngram_title(catalogue):
    assert titles(SearchQuerySet().autocomplete(title="foun")) == {"Fountain pen gift set"}
    assert titles(SearchQuerySet().autocomplete(title="sti no")) == {"Sticky notes 便利贴 yellow"}


def test_date_facets(catalogue):
    now = timezone.now()
    sqs = SearchQuerySet().date_facet(
        "date_created", now - datetime.timedelta(days=2), now + datetime.timedelta(days=1), "day"
    )
    buckets = sqs.facet_counts()["dates"]["date_created"]
    assert len(buckets) == 3
    assert sum(count for _start, count in buckets) == 7


def test_boost_keeps_the_matches_and_ranks_boosted_first(catalogue):
    sqs = SearchQuerySet().auto_query("pen").boost("fountain", 10)
    results = list(sqs)
    assert len(results) == 3
    assert results[0].title == "Fountain pen gift set"


def test_relevance_prefers_more_matching_words(catalogue):
    results = list(SearchQuerySet().filter(SQ(content="gift") | SQ(content="set") | SQ(content="pen")))
    assert results[0].title == "Fountain pen gift set"


def test_facet_options(catalogue):
    counts = SearchQuerySet().facet("product_class", order="term", limit=2).facet_counts()
    assert counts["fields"]["product_class"] == [("Office", 1), ("Paper", 2)]
    counts = SearchQuerySet().facet("category").facet_counts()
    assert sum(c for _v, c in counts["fields"]["category"]) == 11  # 7 products; the 4 pens count in Writing too
    assert SearchQuerySet().facet("no_such_field").facet_counts()["fields"]["no_such_field"] == []


def test_latest_and_best_match(catalogue):
    assert SearchQuerySet().latest("date_created").title == "Stapler 订书机 heavy duty"
    assert SearchQuerySet().auto_query("stapler").best_match().title == "Stapler 订书机 heavy duty"
