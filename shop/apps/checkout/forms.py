"""The checkout's own forms (Oscar's others are found in Oscar's checkout.forms)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .payment import available_methods


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Payment method"),
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Choose how you will pay."),
            "invalid_choice": _("That payment method is not available."),
        },
    )

    def __init__(self, *args, company=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        methods = available_methods(company)
        self.methods = {m.code: m for m in methods}
        self.fields["method"].choices = [(m.code, m.name) for m in methods]
        if len(methods) == 1 and not self.initial.get("method"):
            self.initial["method"] = methods[0].code

    def options(self) -> list[tuple]:
        """Each radio button with the payment method it stands for (for its description)."""
        return [(choice, self.methods[choice.data["value"]]) for choice in self["method"]]
