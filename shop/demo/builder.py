"""Builds the demo catalog, its suppliers and stock, the demo accounts and the CMS home page.

Every object has a natural key (product code and UPC, category code, partner
and warehouse code, username, option code), so a second run finds everything
and creates nothing. Products go in with ``bulk_create`` in chunks: a chunk of
250 products costs about ten queries however many attributes, categories,
images and stock lines it has.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import connection, transaction
from django.utils import translation
from oscar.checks import use_productcategory_materialised_view
from oscar.core.loading import get_model
from oscar.core.utils import slugify
from tqdm import tqdm

from shop.inventory.models import Warehouse
from shop.inventory.services import StockLine, set_quantities

from .accounts import DemoLogin, ensure_accounts
from .catalog_data import ATTRIBUTES, BRANDS, CATEGORIES, OPTIONS, PRODUCT_CLASSES, Term
from .homepage import ensure_home_page
from .images import CardPainter
from .products import SEED, ProductSpec, product_specs
from .site_data import PARTNERS
from .trade import build as build_trade

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
AttributeOption = get_model("catalogue", "AttributeOption")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

CURRENCY = "CNY"
CHUNK = 250
IMAGE_DIR = "images/products/demo"


@dataclass
class BuildReport:
    """What one run created; all zeros means the demo data was already in place."""

    created: Counter[str] = field(default_factory=Counter)
    products_requested: int = 0
    products_defined: int = 0
    products_total: int = 0
    logins: list[DemoLogin] = field(default_factory=list)

    @property
    def nothing_new(self) -> bool:
        return not any(self.created.values())


class DemoBuilder:
    """Creates whatever part of the demo data is missing.

    ``products`` is how many products the catalog should hold at least (the
    first N of the fixed sequence in ``products.product_specs``).
    """

    def __init__(
        self,
        products: int = 2000,
        *,
        progress: bool = False,
        storage: Storage | None = None,
        seed: int = SEED,
    ) -> None:
        self.products = products
        self.progress = progress
        self.storage = storage or default_storage
        self.seed = seed
        self.report = BuildReport(products_requested=products)

    def build(self) -> BuildReport:
        with translation.override("en"), transaction.atomic():
            classes = self._product_classes()
            options = self._attribute_options()
            attributes = self._product_attributes(classes)
            categories = self._categories()
            partners, warehouses = self._partners()
            self._products(classes, options, attributes, categories, partners, warehouses)
            self.report.logins = ensure_accounts(partners, self.report.created)
            build_trade(partners, self.report.created)
            ensure_home_page(self.report.created)
        self.report.products_total = Product.objects.count()
        return self.report

    # --- reference data ------------------------------------------------------------------------

    def _count(self, name: str, n: int = 1) -> None:
        if n:
            self.report.created[name] += n

    def _product_classes(self) -> dict[str, ProductClass]:
        existing = {pc.slug: pc for pc in ProductClass.objects.filter(slug__in=PRODUCT_CLASSES)}
        for code, spec in PRODUCT_CLASSES.items():
            if code not in existing:
                existing[code] = ProductClass.objects.create(
                    slug=code, name_en=spec.name.en, name_zh_hans=spec.name.zh, requires_shipping=True, track_stock=True
                )
                self._count("product classes")
        return existing

    def _attribute_options(self) -> dict[tuple[str, str], AttributeOption]:
        values: dict[str, list[tuple[str, Term]]] = {
            attr: [(o.code, o.label) for o in options] for attr, options in OPTIONS.items()
        }
        values["brand"] = [(b.code, b.name) for b in BRANDS.values()]
        groups = {g.code: g for g in AttributeOptionGroup.objects.filter(code__in=values)}
        for attr in values:
            if attr not in groups:
                groups[attr] = AttributeOptionGroup.objects.create(code=attr, name=ATTRIBUTES[attr].name.en)
                self._count("attribute option groups")
        found = {o.code: o for o in AttributeOption.objects.filter(group__in=groups.values())}
        missing = [
            AttributeOption(group=groups[attr], code=f"{attr}-{code}", option_en=term.en, option_zh_hans=term.zh)
            for attr, entries in values.items()
            for code, term in entries
            if f"{attr}-{code}" not in found
        ]
        AttributeOption.objects.bulk_create(missing)
        self._count("attribute options", len(missing))
        found.update({o.code: o for o in missing})
        return {(attr, code): found[f"{attr}-{code}"] for attr, entries in values.items() for code, _ in entries}

    def _product_attributes(self, classes: dict[str, ProductClass]) -> dict[tuple[str, str], ProductAttribute]:
        groups = {g.code: g for g in AttributeOptionGroup.objects.filter(code__in=ATTRIBUTES)}
        found = {
            (a.product_class.slug, a.code): a
            for a in ProductAttribute.objects.filter(product_class__in=classes.values()).select_related("product_class")
        }
        missing = []
        for class_code, spec in PRODUCT_CLASSES.items():
            for code in spec.attributes:
                if (class_code, code) not in found:
                    attribute = ATTRIBUTES[code]
                    found[class_code, code] = ProductAttribute(
                        product_class=classes[class_code], code=code, type=attribute.type,
                        name_en=attribute.name.en, name_zh_hans=attribute.name.zh, option_group=groups.get(code),
                    )
                    missing.append(found[class_code, code])
        ProductAttribute.objects.bulk_create(missing)
        self._count("product attributes", len(missing))
        return found

    def _categories(self) -> dict[str, Category]:
        found = {c.code: c for c in Category.objects.filter(code__in=[c.code for c in CATEGORIES])}
        for spec in CATEGORIES:
            if spec.code in found:
                continue
            parent_code, _, slug = spec.code.rpartition("/")
            fields = {
                "code": spec.code, "slug": slug, "name_en": spec.name.en, "name_zh_hans": spec.name.zh,
                "description_en": spec.description.en, "description_zh_hans": spec.description.zh,
            }
            found[spec.code] = found[parent_code].add_child(**fields) if parent_code else Category.add_root(**fields)
            self._count("categories")
        return found

    def _partners(self) -> tuple[dict[str, Partner], dict[str, Warehouse]]:
        partners = {p.code: p for p in Partner.objects.filter(code__in=[p.code for p in PARTNERS])}
        warehouses = {w.code: w for w in Warehouse.objects.filter(partner__in=partners.values())}
        for spec in PARTNERS:
            if spec.code not in partners:
                partners[spec.code] = Partner.objects.create(code=spec.code, name=spec.name)
                self._count("suppliers")
            for w in spec.warehouses:
                if w.code not in warehouses:
                    warehouses[w.code] = Warehouse.objects.create(
                        partner=partners[spec.code], code=w.code, name_en=w.name.en, name_zh_hans=w.name.zh,
                        city=w.city, country=w.country,
                    )
                    self._count("warehouses")
        return partners, warehouses

    # --- products ------------------------------------------------------------------------------

    def _products(self, classes, options, attributes, categories, partners, warehouses) -> None:
        specs = list(itertools.islice(product_specs(self.seed), self.products))
        self.report.products_defined = len(specs)
        codes = set(Product.objects.filter(code__in=[s.code for s in specs]).values_list("code", flat=True))
        upcs = set(Product.objects.filter(upc__in=[s.upc for s in specs]).values_list("upc", flat=True))
        new = [s for s in specs if s.code not in codes and s.upc not in upcs]
        if not new:
            return
        painter = CardPainter()
        writer = _ProductWriter(classes, options, attributes, categories, partners, warehouses, self.storage, painter)
        with tqdm(total=len(new), unit="product", desc="Products", disable=not self.progress) as bar:
            for start in range(0, len(new), CHUNK):
                chunk = new[start : start + CHUNK]
                for name, n in writer.write(chunk).items():
                    self._count(name, n)
                bar.update(len(chunk))
        if use_productcategory_materialised_view():
            with connection.cursor() as cursor:
                cursor.execute("REFRESH MATERIALIZED VIEW catalogue_product_category_hierarchy;")


class _ProductWriter:
    """Writes one chunk of product specs with a fixed number of bulk queries."""

    def __init__(self, classes, options, attributes, categories, partners, warehouses, storage, painter) -> None:
        self.classes, self.options, self.attributes = classes, options, attributes
        self.categories, self.partners, self.warehouses = categories, partners, warehouses
        self.storage: Storage = storage
        self.painter: CardPainter = painter

    def write(self, specs: list[ProductSpec]) -> Counter[str]:
        products = Product.objects.bulk_create([self._product(s) for s in specs])
        pairs = list(zip(specs, products))
        counts: Counter[str] = Counter(products=len(products))
        counts["product attribute values"] = self._bulk(ProductAttributeValue, self._attribute_values(pairs))
        counts["product categories"] = self._bulk(
            ProductCategory, (ProductCategory(product=p, category=self.categories[s.kind.category]) for s, p in pairs)
        )
        counts["product images"] = self._bulk(ProductImage, (self._image(s, p) for s, p in pairs))
        records = StockRecord.objects.bulk_create(
            [
                StockRecord(
                    product=p, partner=self.partners[line.partner], partner_sku=line.partner_sku,
                    price_currency=CURRENCY, price=line.price, num_in_stock=0,
                    low_stock_threshold=max(s.kind.stock[1] // 20, 2),
                )
                for s, p in pairs
                for line in s.stock
            ]
        )
        counts["stock records"] = len(records)
        lines = [spec_line for s, _ in pairs for spec_line in s.stock]
        counts["warehouse stock lines"] = set_quantities(
            StockLine(self.warehouses[code], record, quantity)
            for spec_line, record in zip(lines, records)
            for code, quantity in spec_line.quantities.items()
        )
        return counts

    @staticmethod
    def _bulk(model, objects: Iterable) -> int:
        return len(model.objects.bulk_create(list(objects), batch_size=1000))

    def _product(self, spec: ProductSpec) -> Product:
        return Product(
            structure=Product.STANDALONE,
            product_class=self.classes[spec.kind.product_class],
            title_en=spec.title.en,
            title_zh_hans=spec.title.zh,
            description_en=spec.description.en,
            description_zh_hans=spec.description.zh,
            slug=slugify(spec.title.en)[:255],
            upc=spec.upc,
            code=spec.code,
            is_public=True,
            is_discountable=True,
        )

    def _attribute_values(self, pairs: list[tuple[ProductSpec, Product]]) -> Iterable[ProductAttributeValue]:
        setters: dict[str, Callable[[str, object], dict]] = {
            "option": lambda code, value: {"value_option": self.options[code, str(value)]},
            "integer": lambda code, value: {"value_integer": int(str(value))},
            "text": lambda code, value: {"value_text": str(value)},
        }
        for spec, product in pairs:
            for code, value in spec.attributes.items():
                attribute = self.attributes[spec.kind.product_class, code]
                value_fields = setters[attribute.type](code, value)
                yield ProductAttributeValue(product=product, attribute=attribute, **value_fields)

    def _image(self, spec: ProductSpec, product: Product) -> ProductImage:
        name = f"{IMAGE_DIR}/{spec.code}.jpg"
        if not self.storage.exists(name):
            data = self.painter.paint(
                spec.kind.picture, spec.colour, str(spec.attributes.get("material") or ""),
                spec.brand.name.en, spec.model, spec.kind.name.zh,
            )
            name = self.storage.save(name, ContentFile(data))
        return ProductImage(product=product, original=name, caption=spec.title.en[:200], display_order=0)
