"""Checking and writing one chunk of rows against the database, in a fixed number of queries.

A chunk costs four reads (stock records with their products, UPC owners,
attribute values, category links) whatever its size, then a handful of
``bulk_create``/``bulk_update`` calls. Rows are compared with what is stored
first: an unchanged row writes nothing, a changed one writes only its
changed objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection
from django.db.models import Exists, OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.core.utils import slugify

from . import columns as C
from .attribute_values import NEW_OPTION, attribute_value, comparable, stored_value
from .columns import ColumnPlan
from .references import CatalogReferences
from .rows import ProductRow, RowError

Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
PRODUCT_TEXTS = (C.TITLE_EN, C.TITLE_ZH, C.DESCRIPTION_EN, C.DESCRIPTION_ZH)


@dataclass
class ChunkState:
    """What the database holds for the rows of one chunk."""

    records: dict[str, StockRecord]
    upc_owners: dict[str, tuple[int, str]]
    values: dict[tuple[int, int], ProductAttributeValue]
    categories: dict[int, set[int]]


@dataclass
class Evaluation:
    """One row resolved against the database: what it points at and what it would change."""

    row: ProductRow
    record: StockRecord | None
    product: Product | None
    product_class: object | None  # ProductClass; None when it would be created
    category: object | None = None  # Category; None when none is given or it would be created
    attribute_values: list[tuple[str, str, str, object]] = field(default_factory=list)  # code, header, field, value
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_child(self) -> bool:
        return self.product is not None and self.product.is_child


class ChunkImporter:
    """Checks rows (``check``) and writes the good ones (``write``) for one supplier."""

    def __init__(self, supplier, refs: CatalogReferences, plan: ColumnPlan) -> None:
        self.supplier = supplier
        self.refs = refs
        self.attribute_codes = [column.attribute for column in plan.attributes]
        self.headers = {name: column.header for name, column in plan.by_field.items()}
        self.warehouses = apps.is_installed("shop.inventory")

    # --- reading ---------------------------------------------------------------------------------

    def load(self, rows: list[ProductRow]) -> ChunkState:
        records = StockRecord.objects.filter(partner=self.supplier, partner_sku__in=[r.sku for r in rows])
        if self.warehouses:
            lines = apps.get_model("inventory", "WarehouseStock").objects.filter(stockrecord=OuterRef("pk"))
            records = records.annotate(has_warehouse_lines=Exists(lines))
        else:
            records = records.annotate(has_warehouse_lines=Value(False))
        by_sku = {r.partner_sku: r for r in records.select_related("product", "product__parent")}
        product_ids = [r.product_id for r in by_sku.values()]
        upcs = [r.upc for r in rows if r.upc]
        owners = (
            {
                upc: (pk, title)
                for upc, pk, title in Product.objects.filter(upc__in=upcs).values_list("upc", "pk", "title")
            }
            if upcs
            else {}
        )
        values = {}
        if product_ids and self.attribute_codes:
            for value in ProductAttributeValue.objects.filter(
                product_id__in=product_ids, attribute__code__in=self.attribute_codes
            ):
                values[value.product_id, value.attribute_id] = value
        categories: dict[int, set[int]] = defaultdict(set)
        if product_ids:
            links = ProductCategory.objects.filter(product_id__in=product_ids).values_list("product_id", "category_id")
            for product_id, category_id in links:
                categories[product_id].add(category_id)
        return ChunkState(by_sku, owners, values, categories)

    # --- checking ---------------------------------------------------------------------------------

    def evaluate(self, row: ProductRow, state: ChunkState, create: bool) -> Evaluation:
        """Resolve a row's references (creating missing ones only when ``create``) and find its errors."""
        refs = self.refs
        record = state.records.get(row.sku)
        product = record.product if record else None
        evaluation = Evaluation(row, record, product, None)
        errors = evaluation.errors
        if row.upc and row.upc in state.upc_owners:
            owner_pk, owner_title = state.upc_owners[row.upc]
            if product is None or owner_pk != product.pk:
                errors.append(
                    RowError(
                        row.number,
                        self.headers.get(C.UPC, C.UPC),
                        _("UPC %(upc)s already belongs to another product (#%(pk)d %(title)s)")
                        % {"upc": row.upc, "pk": owner_pk, "title": owner_title},
                    )
                )
        if evaluation.is_child:
            evaluation.product_class = refs.classes_by_pk.get(product.parent.product_class_id)
        elif product is not None and not row.product_class:
            evaluation.product_class = refs.classes_by_pk.get(product.product_class_id)
        else:
            evaluation.product_class = (
                refs.get_class(row.product_class) if create else refs.find_class(row.product_class)
            )
        if (row.category or row.category_zh) and not evaluation.is_child:
            evaluation.category = (
                refs.get_category(row.category, row.category_zh)
                if create
                else refs.find_category(row.category, row.category_zh)
            )
        if record is not None and row.stock is not None and record.has_warehouse_lines:
            if row.stock != record.num_in_stock:
                errors.append(
                    RowError(
                        row.number,
                        self.headers.get(C.STOCK, C.STOCK),
                        _("the stock of this SKU is kept per warehouse; change it in the inventory, not by import"),
                    )
                )
        for code, (text, header) in row.attributes.items():
            spec = refs.attribute_spec(evaluation.product_class, code)
            try:
                value_field, value = attribute_value(spec, text, refs, create)
            except ValueError as exc:
                errors.append(RowError(row.number, header, str(exc)))
                continue
            evaluation.attribute_values.append((code, header, value_field, value))
        return evaluation

    def classify(self, evaluation: Evaluation, state: ChunkState) -> str:
        if evaluation.record is None:
            return CREATED
        changed = (
            self._product_changes(evaluation)
            or self._record_changes(evaluation)
            or self._category_changed(evaluation, state)
            or any(self._value_changes(evaluation, state))
        )
        return UPDATED if changed else UNCHANGED

    # --- comparing --------------------------------------------------------------------------------

    @staticmethod
    def _product_changes(evaluation: Evaluation) -> dict[str, object]:
        row, product = evaluation.row, evaluation.product
        changes: dict[str, object] = {
            name: text for name, text in row.texts.items() if (getattr(product, name) or "") != text
        }
        if row.upc and product.upc != row.upc:
            changes["upc"] = row.upc
        if row.product_class and not evaluation.is_child:
            target = evaluation.product_class
            if target is None or target.pk != product.product_class_id:
                changes["product_class"] = target
        return changes

    @staticmethod
    def _record_changes(evaluation: Evaluation) -> dict[str, object]:
        row, record = evaluation.row, evaluation.record
        changes: dict[str, object] = {}
        if row.price is not None:
            if record.price is None or record.price != row.price:
                changes["price"] = row.price
            if record.price_currency != row.currency:
                changes["price_currency"] = row.currency
        merged = {**(record.currency_prices or {}), **row.currency_prices}
        if merged != (record.currency_prices or {}):
            changes["currency_prices"] = merged
        if row.stock is not None and record.num_in_stock != row.stock:
            changes["num_in_stock"] = row.stock
        return changes

    @staticmethod
    def _category_changed(evaluation: Evaluation, state: ChunkState) -> bool:
        row = evaluation.row
        if not (row.category or row.category_zh) or evaluation.is_child:
            return False
        category = evaluation.category
        return category is None or state.categories.get(evaluation.product.pk, set()) != {category.pk}

    def _value_changes(self, evaluation: Evaluation, state: ChunkState):
        """Yields ``(code, header, field, value, stored row or None)`` for each attribute value that differs."""
        product_class = evaluation.product_class
        for code, header, value_field, value in evaluation.attribute_values:
            attribute = self.refs.attribute_spec(product_class, code).attribute
            stored = state.values.get((evaluation.product.pk, attribute.pk)) if attribute else None
            if value is NEW_OPTION or stored is None or stored_value(stored, value_field) != comparable(value):
                yield code, header, value_field, value, stored

    # --- writing ----------------------------------------------------------------------------------

    def write(self, evaluations: list[Evaluation], state: ChunkState) -> list[int]:
        """Write rows evaluated with ``create=True``; returns the ids of products created or changed."""
        now = timezone.now()
        new = [e for e in evaluations if e.record is None]
        old = [e for e in evaluations if e.record is not None]
        products = Product.objects.bulk_create([self._new_product(e) for e in new])
        for evaluation, product in zip(new, products):
            evaluation.product = product
        StockRecord.objects.bulk_create([self._new_record(e) for e in new])

        changed_products: dict[int, Product] = {}
        product_fields: set[str] = {"date_updated"}
        changed_records: list[StockRecord] = []
        record_fields: set[str] = {"date_updated"}
        for evaluation in old:
            product_changes = self._product_changes(evaluation)
            record_changes = self._record_changes(evaluation)
            for name, value in product_changes.items():
                setattr(evaluation.product, name, value)
            product_fields.update(product_changes)
            if product_changes.keys() & {C.TITLE_EN, C.TITLE_ZH}:
                product_fields.add("title")  # modeltranslation's original column, as save() would fill it
            if product_changes.keys() & {C.DESCRIPTION_EN, C.DESCRIPTION_ZH}:
                product_fields.add("description")
            if record_changes:
                for name, value in record_changes.items():
                    setattr(evaluation.record, name, value)
                evaluation.record.date_updated = now
                record_fields.update(record_changes)
                changed_records.append(evaluation.record)
            if product_changes or record_changes:
                changed_products[evaluation.product.pk] = evaluation.product

        value_ids = self._write_values(evaluations, state)
        category_ids = self._write_categories(evaluations, state)
        for evaluation in old:
            if evaluation.product.pk in value_ids | category_ids:
                changed_products[evaluation.product.pk] = evaluation.product
        for product in changed_products.values():
            product.date_updated = now
        if changed_products:
            Product.objects.bulk_update(list(changed_products.values()), sorted(product_fields))
        if changed_records:
            StockRecord.objects.bulk_update(changed_records, sorted(record_fields))
        return [p.pk for p in products] + list(changed_products)

    def _new_product(self, evaluation: Evaluation) -> Product:
        row = evaluation.row
        title = row.texts.get(C.TITLE_EN) or row.texts.get(C.TITLE_ZH) or row.sku
        return Product(
            structure=Product.STANDALONE,
            product_class=evaluation.product_class,
            title_en=row.texts.get(C.TITLE_EN),
            title_zh_hans=row.texts.get(C.TITLE_ZH),
            description_en=row.texts.get(C.DESCRIPTION_EN, ""),
            description_zh_hans=row.texts.get(C.DESCRIPTION_ZH, ""),
            slug=(slugify(title) or slugify(row.sku) or "product")[:255],
            upc=row.upc,
            is_public=True,
        )

    def _new_record(self, evaluation: Evaluation) -> StockRecord:
        row = evaluation.row
        return StockRecord(
            product=evaluation.product,
            partner=self.supplier,
            partner_sku=row.sku,
            price_currency=row.currency,
            price=row.price,
            currency_prices=dict(row.currency_prices),
            num_in_stock=row.stock if row.stock is not None else 0,
        )

    def _write_values(self, evaluations: list[Evaluation], state: ChunkState) -> set[int]:
        created: dict[str, list[tuple[int, int, object]]] = defaultdict(list)  # value field → rows
        updated: list[ProductAttributeValue] = []
        fields: set[str] = set()
        for evaluation in evaluations:
            is_new = evaluation.record is None
            changes = (
                [(c, h, f, v, None) for c, h, f, v in evaluation.attribute_values]
                if is_new
                else list(self._value_changes(evaluation, state))
            )
            for code, header, value_field, value, stored in changes:
                if stored is None:
                    attribute = self.refs.get_attribute(evaluation.product_class, code, header)
                    created[value_field].append((evaluation.product.pk, attribute.pk, value))
                else:
                    setattr(stored, value_field, value)
                    fields.add(value_field)
                    updated.append(stored)
        for value_field, rows in created.items():
            _insert_values(value_field, rows)
        if updated:
            ProductAttributeValue.objects.bulk_update(updated, sorted(fields))
        return {row[0] for rows in created.values() for row in rows} | {v.product_id for v in updated}

    def _write_categories(self, evaluations: list[Evaluation], state: ChunkState) -> set[int]:
        moved = {
            e.product.pk: e.category
            for e in evaluations
            if e.category is not None
            and (e.record is None or state.categories.get(e.product.pk, set()) != {e.category.pk})
        }
        if not moved:
            return set()
        existing = [pk for pk in moved if state.categories.get(pk)]
        if existing:
            ProductCategory.objects.filter(product_id__in=existing).delete()
        ProductCategory.objects.bulk_create(
            [ProductCategory(product_id=pk, category=category) for pk, category in moved.items()]
        )
        return set(moved)


def _insert_values(value_field: str, rows: list[tuple[int, int, object]]) -> None:
    """Insert attribute values with one ``executemany`` of three columns.

    ``bulk_create`` would prepare all fifteen columns of every value (and
    SQLite's parameter limit cuts it into batches of about sixty rows); the
    other columns are all nullable, so leaving them out stores the same rows
    several times faster.
    """
    meta = ProductAttributeValue._meta
    field = meta.get_field(value_field)
    columns = ", ".join(
        connection.ops.quote_name(c)
        for c in (meta.get_field("product").column, meta.get_field("attribute").column, field.column)
    )
    sql = f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) VALUES (%s, %s, %s)"
    params = [
        (product_id, attribute_id, field.get_db_prep_save(getattr(value, "pk", value), connection))
        for product_id, attribute_id, value in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
