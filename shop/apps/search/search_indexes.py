"""The product search index: text in every language, exact SKUs, facet fields and one price per currency.

Preparing a product reads only what ``prefetch_for_indexing`` loads (stock records with partners,
attribute values with options, categories, children's stock records, analytics), so a batch of 500
products costs a handful of queries. ``update_object`` on a single product works too (Django loads the
relations lazily then).
"""

from __future__ import annotations

import time
from decimal import Decimal

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.html import strip_tags
from haystack import indexes
from oscar.core.loading import get_model

from shop.currency.pricing import price_in
from shop.currency.rates import current_table
from shop.plugins.manager import merge
from shop.searchengine.fields import PinyinEdgeNgramField

# Attributes indexed as facet fields: attribute code -> index field. Option values are indexed by their
# English label (stable across languages); the views show them in the buyer's language.
OPTION_ATTRIBUTES = ("brand", "colour", "tip_size", "material", "eco_label")
INTEGER_ATTRIBUTES = ("paper_weight", "pack_size")
CATEGORY_MAP_TTL = 30.0  # seconds a category path -> pk map is reused by single-product updates


def price_field(currency: str) -> str:
    return f"price_{currency.lower()}"


def lowest_index_price(prices: list[Decimal]) -> float | None:
    """The index value of a product's price: its lowest price as the engine's numeric type, None without one.

    Only range facets and sorting read it; every displayed or charged price comes from the Decimal strategy.
    """
    return float(min(prices)) if prices else None


def option_key(option) -> str:
    """The language-independent key of an attribute option (its English text)."""
    return getattr(option, "option_en", None) or option.option


class ProductIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True)

    upc = indexes.CharField(model_attr="upc", null=True)
    sku = indexes.MultiValueField(null=True, indexed=False)  # partner SKUs, UPC, model: exact matches
    title = PinyinEdgeNgramField(null=True)  # every language's title: autocomplete and pinyin input
    title_exact = indexes.CharField(model_attr="title", null=True, indexed=False)

    product_class = indexes.CharField(null=True, faceted=False)
    category = indexes.MultiValueField(null=True, indexed=False)  # every category and all its ancestors
    brand = indexes.CharField(null=True, indexed=False)
    model = indexes.CharField(null=True, indexed=False)
    colour = indexes.MultiValueField(null=True, indexed=False)
    tip_size = indexes.MultiValueField(null=True, indexed=False)
    material = indexes.MultiValueField(null=True, indexed=False)
    eco_label = indexes.MultiValueField(null=True, indexed=False)
    paper_weight = indexes.IntegerField(null=True)
    pack_size = indexes.IntegerField(null=True)
    supplier = indexes.MultiValueField(null=True, indexed=False)
    in_stock = indexes.BooleanField(default=False)
    num_in_stock = indexes.IntegerField(null=True)
    price = indexes.FloatField(null=True)  # base currency, kept for Oscar's own templates and tests
    rating = indexes.IntegerField(null=True, faceted=True)
    num_purchases = indexes.IntegerField(default=0)

    date_created = indexes.DateTimeField(model_attr="date_created")
    date_updated = indexes.DateTimeField(model_attr="date_updated")
    is_public = indexes.BooleanField(model_attr="is_public")
    structure = indexes.CharField(model_attr="structure")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = dict(self.fields)
        for currency in settings.SHOP_CURRENCIES:
            name = price_field(currency)
            field = indexes.FloatField(null=True)
            field.set_instance_name(name)
            self.fields[name] = field
        self._categories: dict[str, int] = {}
        self._categories_loaded = 0.0

    def get_model(self):
        return get_model("catalogue", "Product")

    def index_queryset(self, using=None):
        return self.get_model().objects.browsable().order_by("-date_updated")

    def read_queryset(self, using=None):
        """Products for a result page, loaded with what a result card shows (a fixed number of queries)."""
        attribute_value = get_model("catalogue", "ProductAttributeValue")
        stockrecord = get_model("partner", "StockRecord")
        option = get_model("catalogue", "Option")
        return (
            self.get_model()
            .objects.browsable()
            .select_related("product_class")
            .annotate(
                has_product_class_options=Exists(option.objects.filter(productclass=OuterRef("product_class"))),
                has_product_options=Exists(option.objects.filter(product=OuterRef("pk"))),
            )
            .prefetch_related(
                "images",
                Prefetch("stockrecords", queryset=stockrecord.objects.select_related("partner").order_by("pk")),
                Prefetch(
                    "attribute_values",
                    queryset=attribute_value.objects.filter(
                        attribute__code__in=("brand", "model", "pack_size")
                    ).select_related("attribute", "value_option"),
                    to_attr="card_attribute_values",
                ),
            )
        )

    def get_updated_field(self):
        return "date_updated"

    # --- bulk loading ------------------------------------------------------------------------------

    def prefetch_for_indexing(self, queryset):
        """``queryset`` with everything ``prepare`` reads loaded in a few queries per batch."""
        stockrecord = get_model("partner", "StockRecord")
        attribute_value = get_model("catalogue", "ProductAttributeValue")
        product = get_model("catalogue", "Product")
        self.reset_caches()
        records = stockrecord.objects.select_related("partner").order_by("pk")
        return queryset.select_related("product_class", "parent__product_class", "stats").prefetch_related(
            Prefetch("stockrecords", queryset=records),
            Prefetch(
                "attribute_values",
                queryset=attribute_value.objects.select_related("attribute", "value_option").prefetch_related(
                    "value_multi_option"
                ),
            ),
            "categories",
            Prefetch(
                "children",
                queryset=product.objects.filter(is_public=True).prefetch_related(
                    Prefetch("stockrecords", queryset=records)
                ),
            ),
        )

    def bulk_preparer(self):
        """Prepares whole batches of products in a fixed number of queries (``bulk.py``); one per run."""
        from shop.apps.search.bulk import BulkProductPreparer

        return BulkProductPreparer(self)

    def reset_caches(self) -> None:
        self._categories = {}
        self._categories_loaded = 0.0

    def category_ids(self, category_paths: list[str]) -> list[int]:
        """Primary keys of the categories at ``category_paths`` and all their ancestors."""
        category = get_model("catalogue", "Category")
        steplen = category.steplen
        wanted = {path[:end] for path in category_paths for end in range(steplen, len(path) + 1, steplen)}
        stale = time.monotonic() - self._categories_loaded > CATEGORY_MAP_TTL
        if stale or not wanted <= self._categories.keys():
            self._categories = dict(category.objects.values_list("path", "pk"))
            self._categories_loaded = time.monotonic()
        return sorted(self._categories[p] for p in wanted if p in self._categories)

    # --- preparation -------------------------------------------------------------------------------

    def prepare(self, obj):
        obj._search_attributes = obj._search_records = None  # the object may have changed since last time
        data = super().prepare(obj)
        data.update(self.price_fields(obj))
        plugin_fields = merge("shop_search_index_fields", product=obj)
        for name, value in plugin_fields.items():
            if name not in self.fields:
                data[name] = value
        return data

    def attributes(self, obj) -> dict[str, list]:
        """``attribute_values`` of ``obj``, computed once per object (kept on the object, thread-safe)."""
        cached = getattr(obj, "_search_attributes", None)
        if cached is None:
            cached = obj._search_attributes = self.attribute_values(obj)
        return cached

    def records(self, obj) -> list:
        cached = getattr(obj, "_search_records", None)
        if cached is None:
            cached = obj._search_records = self.stock_records(obj)
        return cached

    def attribute_values(self, obj) -> dict[str, list]:
        """{attribute code: [values]}; options as the option objects."""
        out: dict[str, list] = {}
        source = obj.parent if obj.is_child and obj.parent_id else obj
        values = list(source.attribute_values.all())
        if source is not obj:
            values += list(obj.attribute_values.all())
        for value in values:
            code = value.attribute.code
            if value.value_option_id:
                out.setdefault(code, []).append(value.value_option)
            elif value.attribute.type == "multi_option":
                out.setdefault(code, []).extend(value.value_multi_option.all())
            else:
                raw = value.value
                if raw not in (None, ""):
                    out.setdefault(code, []).append(raw)
        return out

    def stock_records(self, obj) -> list:
        """The stock records that price and stock the product (its children's for a parent)."""
        if obj.is_parent:
            records = []
            for child in obj.children.all():
                child_records = list(child.stockrecords.all())
                if child_records:
                    records.append(child_records[0])
            return records
        return list(obj.stockrecords.all())

    def _option_texts(self, obj, code: str) -> list[str]:
        return [option_key(v) if hasattr(v, "option") else str(v) for v in self.attributes(obj).get(code, [])]

    def _first_int(self, obj, code: str) -> int | None:
        for value in self.attributes(obj).get(code, []):
            try:
                return int(value)
            except (TypeError, ValueError):
                continue
        return None

    def prepare_text(self, obj) -> str:
        """Title, description, brand, model, SKUs and attribute options in the active language."""
        attributes = self.attributes(obj)
        parts = [obj.title or "", strip_tags(obj.description or "")]
        if obj.upc:
            parts.append(obj.upc)
        for values in attributes.values():
            for value in values:
                parts.append(value.option if hasattr(value, "option") else str(value))
        parts.extend(record.partner_sku for record in self.records(obj) if record.partner_sku)
        return "\n".join(p for p in parts if p)

    def prepare_sku(self, obj) -> list[str]:
        values = {obj.upc} if obj.upc else set()
        values.update(record.partner_sku for record in self.records(obj) if record.partner_sku)
        values.update(str(v) for v in self.attributes(obj).get("model", []))
        # exact match regardless of case: the raw value and its lower-case form
        return sorted(values | {v.lower() for v in values})

    def prepare_title(self, obj) -> str:
        """The title in every configured language (a Chinese title is what pinyin input finds)."""
        titles = [obj.title or ""]
        for code, _name in settings.LANGUAGES:
            translated = getattr(obj, f"title_{code.replace('-', '_')}", None)
            if translated and translated not in titles:
                titles.append(translated)
        return "\n".join(t for t in titles if t)

    def prepare_product_class(self, obj):
        return obj.get_product_class().name

    def prepare_category(self, obj) -> list[int]:
        source = obj.parent if obj.is_child and obj.parent_id else obj
        return self.category_ids([c.path for c in source.categories.all()])

    def prepare_brand(self, obj):
        values = self._option_texts(obj, "brand")
        return values[0] if values else None

    def prepare_model(self, obj):
        values = self.attributes(obj).get("model", [])
        return str(values[0]) if values else None

    def prepare_colour(self, obj):
        return self._option_texts(obj, "colour")

    def prepare_tip_size(self, obj):
        return self._option_texts(obj, "tip_size")

    def prepare_material(self, obj):
        return self._option_texts(obj, "material")

    def prepare_eco_label(self, obj):
        return self._option_texts(obj, "eco_label")

    def prepare_paper_weight(self, obj):
        return self._first_int(obj, "paper_weight")

    def prepare_pack_size(self, obj):
        return self._first_int(obj, "pack_size")

    def prepare_supplier(self, obj) -> list[str]:
        return sorted({record.partner.name for record in self.records(obj)})

    def prepare_num_in_stock(self, obj):
        levels = [r.net_stock_level for r in self.records(obj) if r.num_in_stock is not None]
        return sum(levels) if levels else None

    def prepare_in_stock(self, obj) -> bool:
        return any(r.num_in_stock is None or r.net_stock_level > 0 for r in self.records(obj))

    def prepare_rating(self, obj):
        return int(obj.rating) if obj.rating is not None else None

    def prepare_num_purchases(self, obj) -> int:
        try:
            stats = obj.stats
        except Exception:  # no analytics row yet (RelatedObjectDoesNotExist)
            return 0
        return int(stats.num_purchases or 0)

    def prepare_price(self, obj):
        prices = self.prices_in(obj, settings.SHOP_BASE_CURRENCY)
        return lowest_index_price(prices)

    def prices_in(self, obj, currency: str) -> list[Decimal]:
        table = current_table()
        out = []
        for record in self.records(obj):
            if record.price is None:
                continue
            listed = price_in(record, currency, table)
            if listed is not None:
                out.append(listed.amount)
        return out

    def price_fields(self, obj) -> dict[str, float | None]:
        """``price_<currency>``: the lowest list price in each traded currency; None without a rate."""
        out = {}
        for currency in settings.SHOP_CURRENCIES:
            prices = self.prices_in(obj, currency)
            out[price_field(currency)] = lowest_index_price(prices)
        return out
