"""Search forms: the query, validated facet selections and sorting in the buyer's currency."""

from __future__ import annotations

from collections import defaultdict

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from haystack.backends import SQ
from haystack.forms import FacetedSearchForm
from haystack.inputs import AutoQuery

from shop.apps.search import facets as facet_config
from shop.apps.search.search_indexes import price_field
from shop.searchengine.haystack_query import Pinned

MAX_QUERY_LENGTH = 200


class SearchInput(forms.TextInput):
    input_type = "search"


class SearchForm(FacetedSearchForm):
    q = forms.CharField(
        required=False,
        label=_("Search"),
        widget=SearchInput({"placeholder": _("Search"), "tabindex": "1", "class": "form-control"}),
    )

    RELEVANCY = "relevancy"
    NEWEST = "newest"
    PRICE_HIGH_TO_LOW = "price-desc"
    PRICE_LOW_TO_HIGH = "price-asc"
    BEST_SELLING = "bestselling"
    SORT_BY_CHOICES = [
        (RELEVANCY, _("Relevance")),
        (PRICE_LOW_TO_HIGH, _("Price low to high")),
        (PRICE_HIGH_TO_LOW, _("Price high to low")),
        (NEWEST, _("Newest")),
        (BEST_SELLING, _("Best-selling")),
    ]
    sort_by = forms.ChoiceField(label=_("Sort by"), choices=SORT_BY_CHOICES, widget=forms.Select(), required=False)

    def __init__(self, *args, currency: str | None = None, facets: dict | None = None, **kwargs):
        self.currency = currency or settings.SHOP_BASE_CURRENCY
        self.facets = facets or facet_config.search_facets(self.currency)
        super().__init__(*args, **kwargs)

    def clean_q(self) -> str:
        return " ".join((self.cleaned_data.get("q") or "").split())[:MAX_QUERY_LENGTH]

    @property
    def sort_map(self) -> dict[str, str]:
        price = price_field(self.currency)
        return {
            self.NEWEST: "-date_created",
            self.PRICE_HIGH_TO_LOW: f"-{price}",
            self.PRICE_LOW_TO_HIGH: price,
            self.BEST_SELLING: "-num_purchases",
        }

    @property
    def selected_multi_facets(self) -> dict[str, list[str]]:
        """{index field: [values]} of the valid selections; unknown fields and ranges are dropped."""
        fields = facet_config.facet_fields(self.facets)
        queries = facet_config.valid_queries(self.facets)
        selected: dict[str, list[str]] = defaultdict(list)
        for item in self.selected_facets:
            if ":" not in item:
                continue
            field, value = item.split(":", 1)
            if not value or len(value) > facet_config.MAX_FACET_VALUE_LENGTH:
                continue
            if field in queries and value not in queries[field]:
                continue
            if field not in fields and field not in queries:
                continue
            if value not in selected[field]:
                selected[field].append(value)
        return dict(selected)

    def query_text(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""

    def text_search(self, sqs, text: str):
        """Products matching ``text``; an exact SKU, UPC or model number ranks first."""
        return sqs.filter(SQ(content=AutoQuery(text)) | SQ(sku=Pinned(text.lower())))

    def search(self):
        return self.narrowed(self.base_results()).load_all()

    def base_results(self):
        text = self.query_text()
        if not text:
            return self.no_query_found()
        return self.text_search(self.searchqueryset, text)

    def narrowed(self, sqs, skip_field: str | None = None):
        """``sqs`` narrowed by the selected facets (except ``skip_field``'s) and sorted."""
        queries = facet_config.valid_queries(self.facets)
        for field, values in self.selected_multi_facets.items():
            if field == skip_field:
                continue
            if field in queries:
                sqs = sqs.narrow(f"{field}:({' OR '.join(values)})")
            else:
                sqs = sqs.narrow(f"{field}:({' OR '.join(sqs.query.quote(v) for v in values)})")
        sort_field = self.sort_map.get(self.cleaned_data.get("sort_by") if self.is_valid() else None)
        if sort_field:
            sqs = sqs.order_by(sort_field)
        return sqs


class BrowseCategoryForm(SearchForm):
    """All products when there is no query."""

    def no_query_found(self):
        return self.searchqueryset


class CategoryForm(BrowseCategoryForm):
    """Products of a category and its descendants (the index holds every ancestor of a product)."""

    def __init__(self, *args, category=None, **kwargs):
        self.category = category
        super().__init__(*args, **kwargs)

    def base_results(self):
        sqs = super().base_results()
        if self.category is not None:
            sqs = sqs.narrow(f"category:({sqs.query.quote(self.category.pk)})")
        return sqs
