"""Product documents for a whole batch at once: what ``ProductIndex.full_prepare`` gives, without the ORM.

``ProductIndex.prepare`` works on model instances, one product at a time, and the document field is
rendered once per language; at 500–700 products/s that path is what made a full reindex slow. Here a
batch of primary keys is read with a fixed number of ``values()`` queries (products, stock records,
children of parents, attribute values, multi-option choices, categories, sales counts); reference data
(product classes, partners, attributes, options, category paths) is read once per preparer; prices
are converted per currency once per distinct (price, currency) pair. The result is the same dictionary
``full_prepare`` returns, with the document text already in every language (so
``CatalogMixin.add_translations`` is not needed).

``tests/search/test_bulk_preparation.py`` checks field by field that both paths agree.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models.base import ModelState
from django.utils import translation
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from oscar.core.loading import get_model

from shop.apps.search.search_indexes import lowest_index_price, price_field
from shop.currency.pricing import price_in
from shop.currency.rates import MissingRate, current_table
from shop.plugins.manager import hook, merge
from shop.searchengine.analysis import plain_text

_VALUE_COLUMNS = (
    "value_text",
    "value_integer",
    "value_boolean",
    "value_float",
    "value_richtext",
    "value_date",
    "value_datetime",
    "value_file",
    "value_image",
)


def _column(code: str) -> str:
    return code.replace("-", "_")


class _Record:
    """The stock record fields the index reads, with what ``price_in`` asks of a record."""

    __slots__ = ("product_id", "partner_id", "partner_sku", "price", "price_currency", "prices", "num_in_stock", "net")

    def __init__(self, row: dict):
        self.product_id = row["product_id"]
        self.partner_id = row["partner_id"]
        self.partner_sku = row["partner_sku"]
        self.price = row["price"]
        self.price_currency = row["price_currency"]
        self.prices = row["currency_prices"] or {}
        self.num_in_stock = row["num_in_stock"]
        allocated = row["num_allocated"]
        if self.num_in_stock is None:
            self.net = 0
        else:
            self.net = self.num_in_stock if allocated is None else self.num_in_stock - allocated

    def explicit_price(self, currency: str) -> Decimal | None:
        raw = self.prices.get(currency)
        return Decimal(raw) if raw is not None else None


class _MemoRates:
    """A rate table that looks each currency pair up once (the table searches hubs on every call)."""

    def __init__(self, table):
        self.table = table
        self.memo: dict[tuple[str, str], Any] = {}

    def rate(self, source: str, target: str):
        key = (source, target)
        if key not in self.memo:
            try:
                self.memo[key] = self.table.rate(source, target)
            except MissingRate as exc:
                self.memo[key] = exc
        found = self.memo[key]
        if isinstance(found, MissingRate):
            raise found
        return found


class _Option:
    """An attribute option in every language (``option`` follows the active language, as the model does)."""

    __slots__ = ("key", "texts")

    def __init__(self, key: str, texts: dict[str, str]):
        self.key = key
        self.texts = texts


class BulkProductPreparer:
    """Prepares product documents for batches of primary keys; one instance per reindex run."""

    def __init__(self, index):
        self.index = index
        self.Product = get_model("catalogue", "Product")
        self.StockRecord = get_model("partner", "StockRecord")
        self.AttributeValue = get_model("catalogue", "ProductAttributeValue")
        self.ProductCategory = get_model("catalogue", "ProductCategory")
        self.ProductRecord = get_model("analytics", "ProductRecord")
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.currencies = list(settings.SHOP_CURRENCIES)
        self.base_currency = settings.SHOP_BASE_CURRENCY
        self._classes: dict[int, str] | None = None
        self._partners: dict[int, str] = {}
        self._attributes: dict[int, tuple[str, str]] = {}
        self._options: dict[int, _Option] = {}
        self._prices: dict[tuple, Decimal | None] = {}
        self._table = None
        self._fields = index.fields
        self._finish_steps: list[tuple[str, str | None, bool]] | None = None
        self.with_plugins = bool(hook("shop_search_index_fields").get_hookimpls())

    # --- reference data, read once ---------------------------------------------------------------

    def _load_references(self) -> None:
        if self._classes is not None:
            return
        ProductClass = get_model("catalogue", "ProductClass")
        Partner = get_model("partner", "Partner")
        ProductAttribute = get_model("catalogue", "ProductAttribute")
        AttributeOption = get_model("catalogue", "AttributeOption")
        self._classes = {pc.pk: pc.name for pc in ProductClass.objects.all()}
        self._partners = dict(Partner.objects.values_list("pk", "name"))
        attributes = ProductAttribute.objects.values("pk", "code", "type")
        self._attributes = {a["pk"]: (a["code"], a["type"]) for a in attributes}
        for option in AttributeOption.objects.all():
            texts = {}
            for code in self.languages:
                with translation.override(code):
                    texts[code] = option.option
            self._options[option.pk] = _Option(getattr(option, "option_en", None) or option.option, texts)
        self._table = _MemoRates(current_table())
        self.index.reset_caches()

    def _option(self, pk: int) -> _Option | None:
        option = self._options.get(pk)
        if option is None:  # created since the run started
            AttributeOption = get_model("catalogue", "AttributeOption")
            found = AttributeOption.objects.filter(pk=pk).first()
            if found is None:
                return None
            texts = {}
            for code in self.languages:
                with translation.override(code):
                    texts[code] = found.option
            option = self._options[pk] = _Option(getattr(found, "option_en", None) or found.option, texts)
        return option

    def _price(self, record: _Record, currency: str) -> Decimal | None:
        if record.price is None:
            return None
        if currency not in record.prices:
            key = (record.price, record.price_currency, currency)
            if key not in self._prices:
                listed = price_in(record, currency, self._table)
                self._prices[key] = None if listed is None else listed.amount
            return self._prices[key]
        listed = price_in(record, currency, self._table)
        return None if listed is None else listed.amount

    # --- one batch ---------------------------------------------------------------------------------

    def prepare(self, pks: list) -> list[dict]:
        """Prepared documents for the browsable products among ``pks`` (the order of the product query)."""
        self._load_references()
        product_columns = ["pk", "upc", "structure", "product_class_id", "parent_id", "is_public", "rating"]
        product_columns += ["date_created", "date_updated"]
        product_columns += [f"title_{_column(c)}" for c in self.languages]
        product_columns += [f"description_{_column(c)}" for c in self.languages]
        products = list(self.index.index_queryset().filter(pk__in=pks).order_by("pk").values(*product_columns))
        if not products:
            return []
        ids = [p["pk"] for p in products]
        parents = [p["pk"] for p in products if p["structure"] == "parent"]
        children: dict[int, list[int]] = defaultdict(list)
        if parents:
            rows = self.Product.objects.filter(parent_id__in=parents, is_public=True).order_by("pk")
            for child_id, parent_id in rows.values_list("pk", "parent_id"):
                children[parent_id].append(child_id)
        record_owners = ids + [c for kids in children.values() for c in kids]
        records: dict[int, list[_Record]] = defaultdict(list)
        columns = ("product_id", "partner_id", "partner_sku", "price", "price_currency", "currency_prices")
        rows = self.StockRecord.objects.filter(product_id__in=record_owners).order_by("pk")
        for row in rows.values(*columns, "num_in_stock", "num_allocated"):
            records[row["product_id"]].append(_Record(row))
        unknown = {r.partner_id for rs in records.values() for r in rs} - self._partners.keys()
        if unknown:  # suppliers added since the run started
            Partner = get_model("partner", "Partner")
            self._partners.update(Partner.objects.filter(pk__in=unknown).values_list("pk", "name"))
        attributes = self._attribute_values(ids)
        categories: dict[int, list[str]] = defaultdict(list)
        for product_id, path in self.ProductCategory.objects.filter(product_id__in=ids).values_list(
            "product_id", "category__path"
        ):
            categories[product_id].append(path)
        purchases = dict(
            self.ProductRecord.objects.filter(product_id__in=ids).values_list("product_id", "num_purchases")
        )
        active = translation.get_language() or settings.LANGUAGE_CODE
        documents = []
        for product in products:
            pk = product["pk"]
            if product["structure"] == "parent":
                own = []
                for child_id in children.get(pk, []):
                    if records.get(child_id):
                        own.append(records[child_id][0])
            else:
                own = records.get(pk, [])
            documents.append(
                self._document(product, own, attributes.get(pk, {}), categories.get(pk, []), purchases, active)
            )
        return documents

    def _attribute_values(self, ids: list[int]) -> dict[int, dict[str, list]]:
        """{product: {attribute code: [values]}}; options as ``_Option``."""
        out: dict[int, dict[str, list]] = defaultdict(dict)
        rows = list(
            self.AttributeValue.objects.filter(product_id__in=ids)
            .order_by("pk")
            .values("pk", "product_id", "attribute_id", "value_option_id", *_VALUE_COLUMNS)
        )
        multi = [r["pk"] for r in rows if self._attribute(r["attribute_id"])[1] == "multi_option"]
        chosen: dict[int, list[int]] = defaultdict(list)
        if multi:
            through = self.AttributeValue.value_multi_option.through
            for value_id, option_id in (
                through.objects.filter(productattributevalue_id__in=multi)
                .order_by("pk")
                .values_list("productattributevalue_id", "attributeoption_id")
            ):
                chosen[value_id].append(option_id)
        for row in rows:
            code, kind = self._attribute(row["attribute_id"])
            values = out[row["product_id"]]
            if row["value_option_id"]:
                option = self._option(row["value_option_id"])
                if option is not None:
                    values.setdefault(code, []).append(option)
            elif kind == "multi_option":
                found = [self._option(pk) for pk in chosen.get(row["pk"], [])]
                values.setdefault(code, []).extend(o for o in found if o is not None)
            else:
                raw = row.get(f"value_{kind}")
                if raw not in (None, ""):
                    values.setdefault(code, []).append(raw)
        return out

    def _attribute(self, pk: int) -> tuple[str, str]:
        found = self._attributes.get(pk)
        if found is None:
            ProductAttribute = get_model("catalogue", "ProductAttribute")
            row = ProductAttribute.objects.filter(pk=pk).values("code", "type").first() or {"code": "", "type": ""}
            found = self._attributes[pk] = (row["code"], row["type"])
        return found

    # --- one product -------------------------------------------------------------------------------

    def _in_language(self, product: dict, field: str, code: str) -> str:
        """A translated column with modeltranslation's fallback: the language's own text, else another's."""
        text = product.get(f"{field}_{_column(code)}")
        if text:
            return text
        for other in self.languages:
            text = product.get(f"{field}_{_column(other)}")
            if text:
                return text
        return ""

    def _document(
        self,
        product: dict,
        records: list[_Record],
        attributes: dict[str, list],
        category_paths: list[str],
        purchases: dict,
        active: str,
    ) -> dict:
        pk = product["pk"]
        index = self.index

        def option_keys(code: str) -> list[str]:
            return [v.key if isinstance(v, _Option) else str(v) for v in attributes.get(code, [])]

        def first_int(code: str) -> int | None:
            for value in attributes.get(code, []):
                try:
                    return int(value)
                except (TypeError, ValueError):
                    continue
            return None

        skus = [r.partner_sku for r in records if r.partner_sku]
        texts: list[str] = []
        for code in dict.fromkeys([active, *self.languages]):
            description = plain_text(self._in_language(product, "description", code))
            parts = [self._in_language(product, "title", code), description]
            if product["upc"]:
                parts.append(product["upc"])
            for values in attributes.values():
                for value in values:
                    parts.append(value.texts.get(code) or value.key if isinstance(value, _Option) else str(value))
            parts.extend(skus)
            text = "\n".join(p for p in parts if p)
            if text and text not in texts:
                texts.append(text)
        titles = [self._in_language(product, "title", code) for code in dict.fromkeys([active, *self.languages])]
        sku_values = {product["upc"]} if product["upc"] else set()
        sku_values.update(skus)
        sku_values.update(str(v) for v in attributes.get("model", []))
        brands = option_keys("brand")
        models = attributes.get("model", [])
        levels = [r.net for r in records if r.num_in_stock is not None]
        created, updated = product["date_created"], product["date_updated"]
        data: dict[str, Any] = {
            ID: f"catalogue.product.{pk}",
            DJANGO_CT: "catalogue.product",
            DJANGO_ID: str(pk),
            "text": "\n".join(texts),
            "upc": product["upc"],
            "sku": sorted(sku_values | {v.lower() for v in sku_values}),
            "title": "\n".join(dict.fromkeys(t for t in titles if t)),
            "title_exact": self._in_language(product, "title", active) or None,
            "product_class": self._classes.get(product["product_class_id"]),
            "category": index.category_ids(category_paths),
            "brand": brands[0] if brands else None,
            "model": str(models[0]) if models else None,
            "colour": option_keys("colour"),
            "tip_size": option_keys("tip_size"),
            "material": option_keys("material"),
            "eco_label": option_keys("eco_label"),
            "paper_weight": first_int("paper_weight"),
            "pack_size": first_int("pack_size"),
            "supplier": sorted({self._partners.get(r.partner_id, "") for r in records}),
            "in_stock": any(r.num_in_stock is None or r.net > 0 for r in records),
            "num_in_stock": sum(levels) if levels else None,
            "rating": int(product["rating"]) if product["rating"] is not None else None,
            "num_purchases": int(purchases.get(pk) or 0),
            "date_created": created,
            "date_updated": updated,
            "is_public": product["is_public"],
            "structure": product["structure"],
        }
        for currency in self.currencies:
            prices = [p for p in (self._price(r, currency) for r in records) if p is not None]
            data[price_field(currency)] = lowest_index_price(prices)
        data["price"] = data.get(price_field(self.base_currency))
        if data["price"] is None and self.base_currency not in self.currencies:
            prices = [p for p in (self._price(r, self.base_currency) for r in records) if p is not None]
            data["price"] = lowest_index_price(prices)
        if self.with_plugins:
            for name, value in merge("shop_search_index_fields", product=self._light_product(product)).items():
                if name not in self._fields:
                    data[name] = value
        return self._finish(data)

    def _light_product(self, product: dict):
        """A Product built from the loaded columns for plugins' ``shop_search_index_fields``.

        Made without ``Model.__init__`` (with modeltranslation's defaults it costs more than the whole
        document); relations a plugin follows load lazily as on any model instance.
        """
        obj = self.Product.__new__(self.Product)
        obj._state = ModelState()
        obj._state.adding, obj._state.db = False, self.Product.objects.db
        values = {
            "id": product["pk"],
            "upc": product["upc"],
            "structure": product["structure"],
            "product_class_id": product["product_class_id"],
            "parent_id": product["parent_id"],
            "is_public": product["is_public"],
            "rating": product["rating"],
            "date_created": product["date_created"],
            "date_updated": product["date_updated"],
        }
        for code in self.languages:
            for field in ("title", "description"):
                values[f"{field}_{_column(code)}"] = product.get(f"{field}_{_column(code)}")
        obj.__dict__.update(values)
        obj.__dict__.setdefault("title", values.get(f"title_{_column(settings.LANGUAGE_CODE)}"))
        obj.__dict__.setdefault("description", values.get(f"description_{_column(settings.LANGUAGE_CODE)}"))
        return obj

    def _finish(self, data: dict) -> dict:
        """haystack's ``full_prepare`` steps: facet copies, and ``null=True`` fields without a value dropped."""
        steps = self._finish_steps
        if steps is None:
            steps = self._finish_steps = []
            for field in self._fields.values():
                facet_for = getattr(field, "facet_for", None)
                source = self._fields[facet_for].index_fieldname if facet_for else None
                if source or field.null:
                    steps.append((field.index_fieldname, source, bool(field.null)))
        for name, source, null in steps:
            if source and data.get(name) is None and source in data:
                data[name] = data[source]
            if null and data.get(name) is None:
                data.pop(name, None)
        return data
