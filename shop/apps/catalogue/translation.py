"""Catalogue content in English and Simplified Chinese (django-modeltranslation).

Why modeltranslation and not parler: it keeps one row per product with a column
per language, so Oscar's queries, ordering and the search indexer need no joins,
and Oscar's own code that reads ``product.title`` gets the active language.
"""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
AttributeOption = get_model("catalogue", "AttributeOption")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(AttributeOption)
class AttributeOptionTranslation(TranslationOptions):
    fields = ("option",)


@register(ProductClass)
class ProductClassTranslation(TranslationOptions):
    fields = ("name",)


@register(ProductAttribute)
class ProductAttributeTranslation(TranslationOptions):
    fields = ("name",)
