"""The catalogue's reference data an import points at: product classes, attributes, options, categories.

Each table is read once per import into memory; names match without regard
to case, in English or Chinese. ``find_*`` only looks (used while checking a
row), ``get_*`` also creates what is missing (used while writing a good row),
so a rejected row never leaves a new category or class behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
AttributeOption = get_model("catalogue", "AttributeOption")

#: The product class of new products whose row names none.
DEFAULT_CLASS = ("stationery", "Stationery", "文具")

#: Names of attributes the trade uses everywhere, for attributes an import creates.
KNOWN_ATTRIBUTES: dict[str, tuple[str, str]] = {
    "brand": ("Brand", "品牌"),
    "model": ("Model", "型号"),
    "colour": ("Colour", "颜色"),
    "color": ("Colour", "颜色"),
    "tip_size": ("Tip size", "笔尖规格"),
    "pack_size": ("Pack size", "包装数量"),
    "material": ("Material", "材质"),
    "paper_size": ("Paper size", "纸张规格"),
    "paper_weight": ("Paper weight", "克重"),
    "sheet_count": ("Sheets", "张数"),
    "lead_grade": ("Lead grade", "铅芯硬度"),
    "eco_label": ("Eco label", "环保标识"),
}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text or ""))


def bilingual(text: str) -> dict[str, str | None]:
    """A single name put in the language it is written in; the other falls back to it."""
    return {"en": None, "zh_hans": text} if has_cjk(text) else {"en": text, "zh_hans": None}


def _key(text: str | None) -> str:
    return (text or "").strip().casefold()


@dataclass(frozen=True)
class AttributeSpec:
    """What an attribute is or would be: its type and option group (``attribute`` is None if not yet created)."""

    code: str
    type: str
    option_group_id: int | None
    attribute: ProductAttribute | None


class CatalogReferences:
    def __init__(self) -> None:
        self.classes: dict[str, ProductClass] = {}
        self.classes_by_pk: dict[int, ProductClass] = {}
        for product_class in ProductClass.objects.all():
            self._index_class(product_class)
        self.attributes: dict[tuple[int, str], ProductAttribute] = {}
        self.shared: dict[str, ProductAttribute] = {}
        for attribute in ProductAttribute.objects.order_by("pk"):
            self._index_attribute(attribute)
        self.options: dict[int, dict[str, AttributeOption]] = {}
        self.children: dict[str, dict[str, Category]] = {}
        for category in Category.objects.order_by("path").only(
            "id", "path", "depth", "numchild", "name_en", "name_zh_hans"
        ):
            self._index_category(category)

    # --- product classes --------------------------------------------------------------------

    def _index_class(self, product_class: ProductClass) -> None:
        self.classes_by_pk[product_class.pk] = product_class
        for name in (product_class.slug, product_class.name_en, product_class.name_zh_hans):
            if name:
                self.classes.setdefault(_key(name), product_class)

    def find_class(self, name: str | None) -> ProductClass | None:
        return self.classes.get(_key(name or DEFAULT_CLASS[1]))

    def get_class(self, name: str | None) -> ProductClass:
        found = self.find_class(name)
        if found is not None:
            return found
        if name:
            names = bilingual(name)
            product_class = ProductClass.objects.create(name_en=names["en"], name_zh_hans=names["zh_hans"])
        else:
            slug, name_en, name_zh = DEFAULT_CLASS
            product_class = ProductClass.objects.create(slug=slug, name_en=name_en, name_zh_hans=name_zh)
        self._index_class(product_class)
        return product_class

    # --- attributes and their options --------------------------------------------------------

    def _index_attribute(self, attribute: ProductAttribute) -> None:
        self.attributes[attribute.product_class_id, attribute.code] = attribute
        shared = self.shared.get(attribute.code)
        if shared is None or (shared.type == ProductAttribute.TEXT and attribute.type != ProductAttribute.TEXT):
            self.shared[attribute.code] = attribute

    def attribute_spec(self, product_class: ProductClass | None, code: str) -> AttributeSpec:
        """The attribute of the class, or what an import would create: the type other classes use, else text."""
        if product_class is not None:
            attribute = self.attributes.get((product_class.pk, code))
            if attribute is not None:
                return AttributeSpec(code, attribute.type, attribute.option_group_id, attribute)
        shared = self.shared.get(code)
        if shared is not None:
            return AttributeSpec(code, shared.type, shared.option_group_id, None)
        return AttributeSpec(code, ProductAttribute.TEXT, None, None)

    def get_attribute(self, product_class: ProductClass, code: str, header: str) -> ProductAttribute:
        spec = self.attribute_spec(product_class, code)
        if spec.attribute is not None:
            return spec.attribute
        shared = self.shared.get(code)
        if shared is not None:
            names = {"en": shared.name_en, "zh_hans": shared.name_zh_hans}
        elif code in KNOWN_ATTRIBUTES:
            names = dict(zip(("en", "zh_hans"), KNOWN_ATTRIBUTES[code]))
        elif has_cjk(header):
            names = {"en": None, "zh_hans": header[:128]}
        else:
            names = {"en": header.replace("_", " ").strip().capitalize()[:128], "zh_hans": None}
        attribute = ProductAttribute.objects.create(
            product_class=product_class,
            code=code,
            type=spec.type,
            option_group_id=spec.option_group_id,
            name_en=names["en"],
            name_zh_hans=names["zh_hans"],
        )
        self._index_attribute(attribute)
        return attribute

    def _group_options(self, group_id: int) -> dict[str, AttributeOption]:
        if group_id not in self.options:
            index: dict[str, AttributeOption] = {}
            for option in AttributeOption.objects.filter(group_id=group_id).order_by("pk"):
                self._index_option(index, option)
            self.options[group_id] = index
        return self.options[group_id]

    @staticmethod
    def _index_option(index: dict[str, AttributeOption], option: AttributeOption) -> None:
        for name in (option.option_en, option.option_zh_hans, option.option, option.code):
            if name:
                index.setdefault(_key(name), option)

    def find_option(self, group_id: int, text: str) -> AttributeOption | None:
        return self._group_options(group_id).get(_key(text))

    def get_option(self, group_id: int, text: str) -> AttributeOption:
        found = self.find_option(group_id, text)
        if found is not None:
            return found
        names = bilingual(text)
        option = AttributeOption.objects.create(
            group_id=group_id, option_en=names["en"], option_zh_hans=names["zh_hans"]
        )
        self._index_option(self._group_options(group_id), option)
        return option

    # --- categories --------------------------------------------------------------------------

    def _index_category(self, category: Category) -> None:
        parent_path = category.path[: -Category.steplen]
        siblings = self.children.setdefault(parent_path, {})
        for name in (category.name_en, category.name_zh_hans):
            if name:
                siblings.setdefault(_key(name), category)

    @staticmethod
    def _levels(path: list[str] | None, path_zh: list[str] | None) -> list[tuple[str | None, str | None]]:
        """Per level: (English name, Chinese name); a single path in Chinese counts as Chinese."""
        if path and not path_zh and all(has_cjk(name) for name in path):
            path, path_zh = None, path
        depth = len(path or path_zh or [])
        return [((path or [None] * depth)[i], (path_zh or [None] * depth)[i]) for i in range(depth)]

    def find_category(self, path: list[str] | None, path_zh: list[str] | None) -> Category | None:
        parent_path = ""
        found = None
        for name_en, name_zh in self._levels(path, path_zh):
            found = self._match(parent_path, name_en, name_zh)
            if found is None:
                return None
            parent_path = found.path
        return found

    def get_category(self, path: list[str] | None, path_zh: list[str] | None) -> Category:
        parent: Category | None = None
        for name_en, name_zh in self._levels(path, path_zh):
            found = self._match(parent.path if parent else "", name_en, name_zh)
            if found is None:
                fields = {"name_en": name_en, "name_zh_hans": name_zh}
                found = parent.add_child(**fields) if parent else Category.add_root(**fields)
                self._index_category(found)
            parent = found
        assert parent is not None, "a category path has at least one level"
        return parent

    def _match(self, parent_path: str, name_en: str | None, name_zh: str | None) -> Category | None:
        siblings = self.children.get(parent_path, {})
        if name_en and _key(name_en) in siblings:
            return siblings[_key(name_en)]
        if name_zh and _key(name_zh) in siblings:
            return siblings[_key(name_zh)]
        return None
