"""Staff forms: price lists, entries, quantity breaks, contract prices, order rules and the price file upload.

Products are named by SKU (a supplier SKU or the UPC), as in the import files.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from shop.catalogimport.readers import ImportFileError, detect_kind

from ..models import ContractPrice, PriceList, PriceListEntry, ProductOrderRule, TierTable
from ..services import contracts
from ..services.catalog import products_by_sku, sku_of
from ..services.editing import BreakInput, break_problems, price_problem

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
BREAK_ROWS = 6


def currency_choices() -> list[tuple[str, str]]:
    return [("", "---------")] + [(code, code) for code in settings.SHOP_CURRENCIES]


class SkuField(forms.CharField):
    """A product named by SKU; cleans to the product."""

    def __init__(self, *, allow_parent: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("SKU"))
        kwargs.setdefault("max_length", 128)
        kwargs.setdefault("help_text", _("The supplier SKU or the UPC of the product."))
        super().__init__(**kwargs)
        self.allow_parent = allow_parent

    def clean(self, value: Any) -> Any:
        sku = super().clean(value)
        lookup = products_by_sku([sku])
        if sku in lookup.ambiguous:
            raise forms.ValidationError(_("SKU %(sku)s names several products; use the UPC.") % {"sku": sku})
        product = lookup.found.get(sku)
        if product is None:
            raise forms.ValidationError(_("No product has SKU %(sku)s.") % {"sku": sku})
        if product.is_parent and not self.allow_parent:
            raise forms.ValidationError(_("%(sku)s has variants; name one variant.") % {"sku": sku})
        return product


class StyledMixin:
    """Bootstrap classes on every widget, as the dashboard's own forms have."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field.widget, "input_type", "") != "checkbox":
                field.widget.attrs.setdefault("class", "form-control")


class ProductBySkuMixin:
    """ModelForms whose ``product`` is entered as a SKU."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.product_id:
            self.fields["sku"].initial = sku_of(self.instance.product)

    def _post_clean(self) -> None:
        product = self.cleaned_data.get("sku")
        if product is not None:
            self.instance.product = product
        super()._post_clean()


class PriceListForm(StyledMixin, forms.ModelForm):
    currency = forms.ChoiceField(label=_("Currency"), choices=currency_choices)

    class Meta:
        model = PriceList
        fields = ["name", "currency", "company", "customer_group", "priority", "valid_from", "valid_until",
                  "min_quantity", "pack_size", "is_active"]
        widgets = {"valid_from": forms.DateInput(attrs={"type": "date"}),
                   "valid_until": forms.DateInput(attrs={"type": "date"})}
        help_texts = {"company": _("Leave company and customer group empty for every signed-in buyer.")}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("company") and cleaned.get("customer_group"):
            self.add_error("customer_group", _("A price list is for one company or one customer group, not both."))
        return cleaned


class EntryForm(StyledMixin, ProductBySkuMixin, forms.ModelForm):
    sku = SkuField()

    class Meta:
        model = PriceListEntry
        fields = ["sku", "price", "min_quantity", "pack_size"]

    def __init__(self, *args: Any, price_list: PriceList, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.price_list = price_list
        self.instance.price_list = price_list
        self.fields["price"].help_text = _("In %(currency)s.") % {"currency": price_list.currency}

    def clean_price(self) -> Decimal:
        price = self.cleaned_data["price"]
        problem = price_problem(price, self.price_list.currency)
        if problem:
            raise forms.ValidationError(problem)
        return price

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        product = cleaned.get("sku")
        if product is not None:
            taken = PriceListEntry.objects.filter(price_list=self.price_list, product=product).exclude(
                pk=self.instance.pk
            )
            if taken.exists():
                self.add_error("sku", _("This list already has an entry for this product; edit that one."))
        return cleaned


class TierTableForm(StyledMixin, ProductBySkuMixin, forms.ModelForm):
    sku = SkuField(help_text=_("A product, or a parent product for its whole variant family."))

    class Meta:
        model = TierTable
        fields = ["sku", "count_variants_together"]

    def __init__(self, *args: Any, price_list: PriceList, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.price_list = price_list
        self.instance.price_list = price_list
        existing = list(self.instance.breaks.all()) if self.instance.pk else []
        for index in range(max(BREAK_ROWS, len(existing) + 2)):
            item = existing[index] if index < len(existing) else None
            self.fields[f"min_{index}"] = forms.IntegerField(
                label=_("From quantity"), required=False, min_value=1, initial=item.min_quantity if item else None)
            self.fields[f"max_{index}"] = forms.IntegerField(
                label=_("To quantity"), required=False, min_value=1, initial=item.max_quantity if item else None)
            self.fields[f"price_{index}"] = forms.DecimalField(
                label=_("Unit price"), required=False, max_digits=12, decimal_places=2,
                initial=item.price if item else None)
        self.break_count = max(BREAK_ROWS, len(existing) + 2)
        self.breaks: list[BreakInput] = []

    def break_rows(self) -> list[tuple[Any, Any, Any]]:
        return [(self[f"min_{i}"], self[f"max_{i}"], self[f"price_{i}"]) for i in range(self.break_count)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        breaks = []
        for index in range(self.break_count):
            low, high, price = (cleaned.get(f"{k}_{index}") for k in ("min", "max", "price"))
            if low is None and high is None and price is None:
                continue
            if low is None:
                self.add_error(f"min_{index}", _("Give the quantity this break starts at."))
                continue
            if price is None:
                self.add_error(f"price_{index}", _("Give the unit price of this break."))
                continue
            breaks.append(BreakInput(low, high, price))
        if not breaks and not self.errors:
            raise forms.ValidationError(_("Give at least one quantity break."))
        for problem in break_problems(breaks, self.price_list.currency):
            self.add_error(None, problem)
        product = cleaned.get("sku")
        if product is not None:
            taken = TierTable.objects.filter(price_list=self.price_list, product=product).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("sku", _("This list already has quantity breaks for this product; edit those."))
            if cleaned.get("count_variants_together") and not product.is_parent:
                self.add_error("count_variants_together", _("Only a parent product has variants to count together."))
        self.breaks = breaks
        return cleaned


class ContractPriceForm(StyledMixin, ProductBySkuMixin, forms.ModelForm):
    sku = SkuField(help_text=_("A product, or a parent product for all its variants."))
    currency = forms.ChoiceField(label=_("Currency"), choices=currency_choices)

    class Meta:
        model = ContractPrice
        fields = ["company", "sku", "currency", "kind", "price", "percent_off", "reference", "valid_from",
                  "valid_until", "alert_days"]
        widgets = {"valid_from": forms.DateInput(attrs={"type": "date"}),
                   "valid_until": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.original_end = self.instance.valid_until if self.instance.pk else None

    def _post_clean(self) -> None:
        super()._post_clean()
        if not self.errors and self.instance.product_id and self.instance.company_id:
            if contracts.overlapping(self.instance).exists():
                self.add_error(
                    "valid_until",
                    _("Another contract price for this company, product and currency overlaps these dates."),
                )

    @property
    def end_changed(self) -> bool:
        return self.original_end != self.instance.valid_until


class OrderRuleForm(StyledMixin, ProductBySkuMixin, forms.ModelForm):
    sku = SkuField(help_text=_("A product, or a parent product for all its variants."))

    class Meta:
        model = ProductOrderRule
        fields = ["sku", "min_quantity", "pack_size"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        product = cleaned.get("sku")
        if product is not None:
            taken = ProductOrderRule.objects.filter(product=product).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("sku", _("This product already has an order rule; edit that one."))
        return cleaned


class PriceFileForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("CSV (UTF-8 or GBK) or Excel .xlsx, as the export writes it."))
    dry_run = forms.BooleanField(label=_("Check only (dry run): report every problem, save nothing"), required=False,
                                 initial=True)
    replace = forms.BooleanField(
        label=_("Replace: also remove the entries and breaks of products the file does not name"), required=False
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        if not data.strip():
            raise forms.ValidationError(_("The file is empty."))
        try:
            detect_kind(data)
        except ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from None
        return data
