"""Catalogue dashboard forms: every language side by side, and explicit prices per currency.

Oscar's forms edit ``title``/``name``/``description``, which modeltranslation
maps to the *active* language's column only. These forks edit each language's
column (``title_en``, ``title_zh_hans`` …) at once. The stock record form adds
one optional price field per traded currency other than the base currency,
stored in ``StockRecord.currency_prices``; blank means "convert from the base price".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.core.loading import get_model
from treebeard.forms import movenodeform_factory

from shop.currency.money import minor_units

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

PRODUCT_TRANSLATED_FIELDS = ("title", "description")
CATEGORY_TRANSLATED_FIELDS = ("name", "description")


def localized(*names: str) -> list[str]:
    """Each name's column per language, grouped by name: title_en, title_zh_hans, description_en …"""
    return [build_localized_fieldname(name, code) for name in names for code in AVAILABLE_LANGUAGES]


@dataclass
class TranslationRow:
    label: str
    fields: list  # bound fields, one per language, in LANGUAGES order


class SideBySideTranslationsMixin:
    """Lay out the translated fields as rows with one column per language."""

    translated_fields: tuple[str, ...] = ()
    required_translated_field = ""  # must be given in at least one language

    def setup_translated_fields(self) -> None:
        names = dict(settings.LANGUAGES)
        for name in self.translated_fields:
            for code in AVAILABLE_LANGUAGES:
                field = self.fields.get(build_localized_fieldname(name, code))
                if field is not None:
                    field.label = names.get(code, code)
                    if isinstance(field.widget, forms.TextInput):
                        field.widget.attrs.setdefault("autocomplete", "off")

    def translation_languages(self) -> list[tuple[str, str]]:
        return [(code, dict(settings.LANGUAGES).get(code, code)) for code in AVAILABLE_LANGUAGES]

    def translation_rows(self) -> list[TranslationRow]:
        rows = []
        for name in self.translated_fields:
            bound = [self[f] for f in localized(name) if f in self.fields]
            if bound:
                rows.append(TranslationRow(self._meta.model._meta.get_field(name).verbose_name, bound))
        return rows

    def is_translated(self, field) -> bool:
        return field.name in set(localized(*self.translated_fields))

    def primary_form_fields(self) -> list:
        return [f for f in super().primary_form_fields() if not self.is_translated(f)]

    def check_required_translation(self) -> None:
        name = self.required_translated_field
        columns = [f for f in localized(name) if f in self.fields]
        if columns and not any((self.cleaned_data.get(f) or "").strip() for f in columns):
            self.add_error(columns[0], _("Fill this in for at least one language."))


class ProductForm(SideBySideTranslationsMixin, oscar_forms.ProductForm):
    translated_fields = PRODUCT_TRANSLATED_FIELDS
    required_translated_field = "title"

    class Meta(oscar_forms.ProductForm.Meta):
        fields = [
            *localized("title"),
            "upc",
            *localized("description"),
            "is_public",
            "is_discountable",
            "structure",
            "slug",
            "meta_title",
            "meta_description",
        ]

    def __init__(self, product_class, *args, **kwargs) -> None:
        super().__init__(product_class, *args, **kwargs)
        self.setup_translated_fields()

    def delete_non_child_fields(self) -> None:
        for name in [*localized("description"), "is_discountable"]:
            self.fields.pop(name, None)

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.instance.is_child:  # a variant may take its parent's title
            self.check_required_translation()
        return cleaned


BaseCategoryForm = movenodeform_factory(
    Category,
    fields=[
        *localized("name"),
        "slug",
        *localized("description"),
        "image",
        "is_public",
        "exclude_from_menu",
        "meta_title",
        "meta_description",
    ],
    exclude=["ancestors_are_public"],
    widgets={"meta_description": forms.Textarea(attrs={"class": "no-widget-init"})},
)


class CategoryForm(SideBySideTranslationsMixin, oscar_forms.SEOFormMixin, BaseCategoryForm):
    translated_fields = CATEGORY_TRANSLATED_FIELDS
    required_translated_field = "name"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setup_translated_fields()
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leave blank to generate it from the name")

    def clean(self) -> dict:
        cleaned = super().clean()
        self.check_required_translation()
        return cleaned


def explicit_price_currencies() -> list[str]:
    """The traded currencies a product may have an explicit price in (all but the base currency)."""
    return [code for code in settings.SHOP_CURRENCIES if code != settings.SHOP_BASE_CURRENCY]


class StockRecordForm(oscar_forms.StockRecordForm):
    """Oscar's stock record form, its currency limited to the traded ones, plus an explicit price per currency."""

    def __init__(self, product_class, user, *args, **kwargs) -> None:
        super().__init__(product_class, user, *args, **kwargs)
        self.fields["price_currency"] = forms.ChoiceField(
            label=_("Currency"),
            choices=[(code, code) for code in settings.SHOP_CURRENCIES],
            initial=settings.SHOP_BASE_CURRENCY,
        )
        stored = self.instance.currency_prices or {}
        for code in explicit_price_currencies():
            name = self.price_field_name(code)
            places = minor_units(code)
            self.fields[name] = forms.DecimalField(
                label=_("Price in %(currency)s") % {"currency": code},
                required=False,
                max_digits=12,
                decimal_places=places,
                help_text=_("Leave blank to convert from the base price"),
                widget=forms.NumberInput(attrs={"step": str(Decimal(1).scaleb(-places)), "placeholder": code}),
            )
            if code in stored:
                self.initial.setdefault(name, Decimal(stored[code]))

    @staticmethod
    def price_field_name(code: str) -> str:
        return f"price_{code.lower()}"

    def currency_price_fields(self) -> list:
        return [self[self.price_field_name(code)] for code in explicit_price_currencies()]

    def clean(self) -> dict:
        cleaned = super().clean()
        own = cleaned.get("price_currency")
        prices = {}
        for code in explicit_price_currencies():
            name = self.price_field_name(code)
            value = cleaned.get(name)
            if value is None:
                continue
            if not value.is_finite() or value <= 0:
                self.add_error(name, _("A price must be greater than zero; leave it blank to convert."))
            elif code == own:
                self.add_error(name, _("This is the stock record's own currency: enter the price under Price."))
            else:
                prices[code] = str(value)
        self.instance.currency_prices = prices
        return cleaned
