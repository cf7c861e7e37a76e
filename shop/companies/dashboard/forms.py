"""Dashboard forms: staff create and change companies and customer groups."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..encryption import ENCRYPTED_COMPANY_FIELDS
from ..models import Company, CustomerGroup, Membership


def _masked_help(value: str) -> str:
    if not value:
        return str(_("Stored encrypted. Nothing stored yet."))
    return str(_("Stored encrypted, ends in …%(tail)s. Leave empty to keep it.")) % {"tail": value[-4:]}


class CompanyForm(forms.ModelForm):
    """Secrets are write-only: the form never shows a stored tax id or bank account, only its last characters."""

    tax_id = forms.CharField(label=_("Tax id"), max_length=64, required=False)
    bank_account = forms.CharField(label=_("Bank account details"), required=False, widget=forms.Textarea(
        attrs={"rows": 3}))
    clear_tax_id = forms.BooleanField(label=_("Remove the stored tax id"), required=False)
    clear_bank_account = forms.BooleanField(label=_("Remove the stored bank account details"), required=False)

    field_order = [
        "name", "kind", "billing_currency", "customer_groups", "distributor", "pays_on_account", "credit_limit",
        "tax_id", "clear_tax_id", "bank_account", "clear_bank_account", "is_active",
    ]

    class Meta:
        model = Company
        fields = [
            "name",
            "kind",
            "billing_currency",
            "customer_groups",
            "distributor",
            "pays_on_account",
            "credit_limit",
            "is_active",
        ]
        widgets = {"customer_groups": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["billing_currency"] = forms.ChoiceField(
            label=_("Billing currency"),
            required=False,
            choices=[("", _("Buyer's choice"))] + [(code, code) for code in settings.SHOP_CURRENCIES],
            help_text=Company._meta.get_field("billing_currency").help_text,
        )
        distributors = Company.objects.filter(kind=Company.Kind.DISTRIBUTOR)
        if self.instance.pk:
            distributors = distributors.exclude(pk=self.instance.pk)
        self.fields["distributor"].queryset = distributors
        for name in ENCRYPTED_COMPANY_FIELDS:
            self.fields[name].help_text = _masked_help(getattr(self.instance, name, "") if self.instance.pk else "")

    def save(self, commit: bool = True) -> Company:
        company = super().save(commit=False)
        for name in ENCRYPTED_COMPANY_FIELDS:
            if self.cleaned_data.get(f"clear_{name}"):
                setattr(company, name, "")
            elif self.cleaned_data.get(name):
                setattr(company, name, self.cleaned_data[name].strip())
        if commit:
            company.save()
            self.save_m2m()
        return company

    def changed_secret_names(self) -> list[str]:
        return [n for n in ENCRYPTED_COMPANY_FIELDS if self.cleaned_data.get(n) or self.cleaned_data.get(f"clear_{n}")]


class CustomerGroupForm(forms.ModelForm):
    class Meta:
        model = CustomerGroup
        fields = ["name", "code", "description"]


class CompanySearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds"))] + Company.Kind.choices)
    group = forms.ModelChoiceField(label=_("Customer group"), required=False, queryset=CustomerGroup.objects.all(),
                                   empty_label=_("All groups"))


class StaffInvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.ADMIN)
