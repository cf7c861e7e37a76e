"""The faceted product list behind the catalogue, category and search pages."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from haystack.generic_views import FacetedSearchView
from oscar.core.loading import get_model
from purl import URL

from shop.apps.search import facets as facet_config
from shop.apps.search import spelling
from shop.currency.selection import currency_for_request

Category = get_model("catalogue", "Category")
AttributeOption = get_model("catalogue", "AttributeOption")

# facets whose values are option keys (English text) shown in the buyer's language
OPTION_FACETS = ("brand", "colour", "tip_size", "material", "eco_label")


def counts_only(sqs) -> dict:
    """Facet counts of ``sqs`` without loading its results (haystack's ``facet_counts()`` reads every hit)."""
    clone = sqs._clone()
    clone.query.set_limits(0, 0)
    return clone.query.get_facet_counts()


class BaseSearchView(FacetedSearchView):
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    facet_fields: list = []
    context_object_name = "products"
    category = None

    @property
    def currency(self) -> str:
        return currency_for_request(self.request)

    def get_facets(self) -> dict:
        if getattr(self, "_facets", None) is None:
            self._facets = facet_config.search_facets(self.currency)
        return self._facets

    def get_queryset(self):
        if self.queryset is None:
            self.queryset = facet_config.base_sqs(self.get_facets())
        return self.queryset

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["currency"] = self.currency
        kwargs["facets"] = self.get_facets()
        return kwargs

    def facet_counts(self, form) -> dict:
        """Counts where each selected facet ignores its own selection (OR within, AND across facets)."""
        counts = self.queryset.facet_counts()
        if not counts:
            return counts
        selected = form.selected_multi_facets
        if not form.is_valid() or not selected:
            return counts
        base = form.base_results()
        for field in selected:
            sqs = form.narrowed(base, skip_field=field)
            queries = facet_config.valid_queries(self.get_facets())
            if field in queries:
                for query in queries[field]:
                    sqs = sqs.query_facet(field, query)
            else:
                options = next(
                    (f.get("options", {}) for f in self.get_facets()["fields"].values() if f["field"] == field), {}
                )
                sqs = sqs.facet(field, **options)
            own = counts_only(sqs)
            if field in queries:
                counts["queries"].update({k: v for k, v in own.get("queries", {}).items() if k.startswith(f"{field}:")})
            else:
                counts["fields"][field] = own.get("fields", {}).get(field, [])
        return counts

    def label_lookup(self, counts: dict, selected: dict):
        """A function (field, value) -> label in the buyer's language, or None to hide the value."""
        category_ids = {v for v, _n in counts.get("fields", {}).get("category", [])} | set(selected.get("category", []))
        wanted_depth = self.category.depth + 1 if self.category is not None else 1
        names, shown = {}, set()
        numeric = [int(v) for v in category_ids if str(v).isdigit()]
        if numeric:
            for category in Category.objects.filter(pk__in=numeric).only("pk", "name", "depth", "path"):
                names[str(category.pk)] = category.name
                inside = self.category is None or category.path.startswith(self.category.path)
                if category.depth == wanted_depth and inside:
                    shown.add(str(category.pk))
        selected_categories = set(selected.get("category", []))
        option_labels: dict[str, str] = {}
        option_values = {v for f in OPTION_FACETS for v, _n in counts.get("fields", {}).get(f, [])}
        if option_values:
            for option in AttributeOption.objects.filter(option_en__in=option_values).only("option", "option_en"):
                option_labels.setdefault(option.option_en, option.option)
        yes_no = {"true": _("In stock"), "false": _("Out of stock")}

        def label(field: str, value: str):
            if field == "category":
                if value not in shown and value not in selected_categories:
                    return None
                return names.get(value)
            if field in OPTION_FACETS:
                return option_labels.get(value, value)
            if field == "in_stock":
                return yes_no.get(value, value)
            return value

        return label

    def chips(self, facet_data: dict) -> list[dict]:
        chips = []
        for data in facet_data.values():
            for item in data["results"]:
                if item.get("selected"):
                    chips.append({"facet": data["name"], "name": item["name"], "url": item["deselect_url"]})
        return chips

    def sort_links(self, form) -> list[dict]:
        url = URL(self.request.get_full_path())
        current = (form.cleaned_data.get("sort_by") if form.is_valid() else "") or form.RELEVANCY
        links = []
        for value, name in form.fields["sort_by"].choices:
            target = url
            for param in ("page", "sort_by"):
                if target.has_query_param(param):
                    target = target.remove_query_param(param)
            if value != form.RELEVANCY:
                target = target.append_query_param("sort_by", value)
            links.append({"value": value, "name": name, "url": target.as_string(), "active": value == current})
        return links

    def spelling_suggestion(self, form) -> dict | None:
        """When nothing matches: the query with misspelt words replaced, if that finds products."""
        text = form.query_text()
        fixed = spelling.suggest(facet_config.browsable_sqs(), text) if text else None
        count = form.text_search(facet_config.browsable_sqs(), fixed).count() if fixed else 0
        if not count:
            return None
        return {"name": fixed, "url": URL(self.request.path).append_query_param("q", fixed).as_string(), "count": count}

    def broader_queries(self, form) -> list[dict]:
        """When nothing matches: the query without filters, and shorter queries, each with its hit count."""
        suggestions = []
        url = URL(self.request.path)
        text = form.query_text()
        if form.selected_facets and form.is_valid():
            sqs = form.base_results()
            count = sqs.count()
            if count:
                target = url.append_query_param("q", text) if text else url
                suggestions.append({"name": _("Remove all filters"), "url": target.as_string(), "count": count})
        words = text.split()
        if len(words) > 1:
            candidates = [" ".join(words[:-1])] + [w for w in words if len(w) > 1]
            for candidate in dict.fromkeys(candidates):
                count = form.text_search(facet_config.browsable_sqs(), candidate).count()
                if count:
                    suggestions.append(
                        {"name": candidate, "url": url.append_query_param("q", candidate).as_string(), "count": count}
                    )
                if len(suggestions) >= 4:
                    break
        return suggestions

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        form = context[self.form_name]
        selected = form.selected_multi_facets if form.is_bound else {}
        counts = self.facet_counts(form)
        labels = self.label_lookup(counts or {}, selected)
        munger = facet_config.FacetMunger(self.request.get_full_path(), self.get_facets(), selected, counts, labels)
        context["facet_data"] = munger.facet_data()
        context["has_facets"] = any(data["results"] for data in context["facet_data"].values())
        context["selected_facets"] = form.selected_facets
        context["facet_chips"] = self.chips(context["facet_data"])
        context["sort_links"] = self.sort_links(form)
        context["search_currency"] = self.currency
        context[self.page_kwarg] = context["page_obj"]
        if not context["paginator"].count:
            context["spelling_suggestion"] = self.spelling_suggestion(form)
            context["broader_queries"] = self.broader_queries(form)
        clear = URL(self.request.path)
        if form.is_valid() and form.query_text():
            clear = clear.append_query_param("q", form.query_text())
        context["clear_filters_url"] = clear.as_string()
        return context
