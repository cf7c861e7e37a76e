"""The search results page."""

from __future__ import annotations

from oscar.apps.search.signals import user_search

from shop.apps.search.forms import SearchForm
from shop.apps.search.views.base import BaseSearchView


class FacetedSearchView(BaseSearchView):
    form_class = SearchForm
    template_name = "oscar/search/results.html"
    context_object_name = "results"

    def dispatch(self, request, *args, **kwargs):
        user_search.send(sender=self, session=request.session, user=request.user, query=request.GET.get("q", ""))
        return super().dispatch(request, *args, **kwargs)
