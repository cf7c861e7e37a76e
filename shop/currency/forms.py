"""Staff forms for exchange rates."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class RateOverrideForm(forms.Form):
    """A manual rate: 1 ``base`` = ``rate`` ``quote`` from today, with the reason for the audit log."""

    base = forms.ChoiceField(label=_("Base currency"))
    quote = forms.ChoiceField(label=_("Quote currency"))
    rate = forms.DecimalField(
        label=_("Rate"),
        max_digits=20,
        decimal_places=10,
        help_text=_("How many units of the quote currency one unit of the base currency buys."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=255,
        help_text=_("Why the provider's rate is overridden; kept in the audit log."),
        error_messages={"required": _("Say why you override the rate; the reason goes into the audit log.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [(code, code) for code in settings.SHOP_CURRENCIES]
        unknown = _("%(value)s is not a currency this shop trades in.")
        for name in ("base", "quote"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = unknown
        self.fields["base"].initial = settings.SHOP_BASE_CURRENCY

    def clean_rate(self) -> Decimal:
        rate = self.cleaned_data["rate"]
        if rate <= 0:
            raise forms.ValidationError(_("A rate must be greater than zero."))
        return rate

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return reason

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("base") and cleaned.get("base") == cleaned.get("quote"):
            self.add_error("quote", _("Base and quote currency must differ."))
        return cleaned
