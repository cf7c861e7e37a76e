"""Forms of the inventory pages; they parse input, the services apply the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from .models import StockMovement, StockSharing, Warehouse, WarehouseStock

StockRecord = get_model("partner", "StockRecord")


class _SkuMixin:
    """Resolves ``sku`` to the stock record of the chosen warehouse's partner."""

    def resolve_stockrecord(self, warehouse: Warehouse | None, sku: str):
        if warehouse is None or not sku:
            return None
        record = StockRecord.objects.filter(partner_id=warehouse.partner_id, partner_sku=sku.strip()).first()
        if record is None:
            self.add_error(
                "sku",
                _("%(partner)s has no product with SKU %(sku)s.") % {"partner": warehouse.partner, "sku": sku},
            )
        return record


class AdjustmentForm(_SkuMixin, forms.Form):
    warehouse = forms.ModelChoiceField(Warehouse.objects.select_related("partner"), label=_("Warehouse"))
    sku = forms.CharField(label=_("SKU"), max_length=128)
    delta = forms.IntegerField(
        label=_("Change"), help_text=_("Positive adds units (found), negative removes them (damaged, lost).")
    )
    reason = forms.CharField(label=_("Reason"), max_length=255)

    def clean_delta(self) -> int:
        delta = self.cleaned_data["delta"]
        if delta == 0:
            raise forms.ValidationError(_("The change must not be 0."))
        return delta

    def clean(self) -> dict:
        data = super().clean()
        data["stockrecord"] = self.resolve_stockrecord(data.get("warehouse"), data.get("sku", ""))
        return data


class ReceiptForm(_SkuMixin, forms.Form):
    warehouse = forms.ModelChoiceField(Warehouse.objects.select_related("partner"), label=_("Warehouse"))
    sku = forms.CharField(label=_("SKU"), max_length=128)
    quantity = forms.IntegerField(label=_("Quantity received"), min_value=1)
    reference = forms.CharField(label=_("Delivery note / PO"), max_length=64, required=False)

    def clean(self) -> dict:
        data = super().clean()
        data["stockrecord"] = self.resolve_stockrecord(data.get("warehouse"), data.get("sku", ""))
        return data


class TransferForm(_SkuMixin, forms.Form):
    source = forms.ModelChoiceField(Warehouse.objects.select_related("partner", "company"), label=_("From"))
    destination = forms.ModelChoiceField(Warehouse.objects.select_related("partner", "company"), label=_("To"))
    sku = forms.CharField(label=_("SKU"), max_length=128)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1)
    reason = forms.CharField(label=_("Note"), max_length=255, required=False)

    def clean(self) -> dict:
        data = super().clean()
        data["stockrecord"] = self.resolve_stockrecord(data.get("source"), data.get("sku", ""))
        return data


class LevelsForm(forms.ModelForm):
    class Meta:
        model = WarehouseStock
        fields = ["low_stock_threshold", "safety_stock", "lead_time_days"]


class MovementFilterForm(forms.Form):
    warehouse = forms.ModelChoiceField(Warehouse.objects.all(), label=_("Warehouse"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *StockMovement.Kind.choices]
    )
    q = forms.CharField(label=_("SKU or reference"), required=False, max_length=64)
    date_from = forms.DateField(label=_("From date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class SharingForm(forms.ModelForm):
    class Meta:
        model = StockSharing
        fields = ["share_with_suppliers", "share_with_customers"]
