"""Forms of the order pages: list filters, the operators' alert settings, supplier SLAs, return requests."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AlertSettings, ReturnRequest, State, SupplierSLA


class OrderSearchForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    q = forms.CharField(label=_("Order number or SKU"), required=False, max_length=64)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("All states")), *State.choices]

    def filters(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {"state": self.cleaned_data["state"], "query": self.cleaned_data["q"]}


class AlertSettingsForm(forms.ModelForm):
    class Meta:
        model = AlertSettings
        fields = ["confirm_within_hours", "reservation_warning_hours", "unpaid_hold_hours", "recipients"]
        widgets = {"recipients": forms.Textarea(attrs={"rows": 3})}

    def clean_recipients(self) -> str:
        value = self.cleaned_data["recipients"]
        field = forms.EmailField()
        for line in value.splitlines():
            if line.strip():
                try:
                    field.clean(line.strip())
                except forms.ValidationError:
                    message = _("%(value)s is not an email address.") % {"value": line.strip()}
                    raise forms.ValidationError(message) from None
        return value


class SupplierSLAForm(forms.ModelForm):
    class Meta:
        model = SupplierSLA
        fields = ["partner", "confirm_within_hours"]


class ReturnRequestForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=ReturnRequest.Reason.choices)
    note = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
