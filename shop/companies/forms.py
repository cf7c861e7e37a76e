"""Storefront forms of company accounts: they parse and check input; services apply the rules."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

from .models import CompanyAddress, Membership

_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """ISO 3166-1 countries named in the active language, China first (the shop's home market)."""
    try:
        territories = Locale.parse(to_locale(language or get_language() or "en")).territories
    except (UnknownLocaleError, ValueError):
        territories = Locale("en").territories
    names = {code: name for code, name in territories.items() if len(code) == 2 and code.isalpha()}
    for code in _NOT_COUNTRIES:
        names.pop(code, None)
    ordered = sorted(names.items(), key=lambda item: item[1])
    return [("CN", names.get("CN", "China"))] + [item for item in ordered if item[0] != "CN"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.BUYER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class CompanyAddressForm(forms.ModelForm):
    class Meta:
        model = CompanyAddress
        fields = [
            "label",
            "contact_name",
            "phone",
            "line1",
            "line2",
            "city",
            "state",
            "postcode",
            "country",
            "for_shipping",
            "for_billing",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"] = forms.ChoiceField(label=_("Country"), choices=country_choices())

    def clean(self):
        data = super().clean()
        if not data.get("for_shipping") and not data.get("for_billing"):
            raise forms.ValidationError(_("Use the address for deliveries, invoices or both."))
        return data


def status_label(status: str) -> str:
    """An order's status (Oscar's untranslated ``Order.status``) in the active language: the lifecycle's label
    when it is a lifecycle state, else the status as stored (orders of an older pipeline)."""
    from shop.orders.lifecycle import STATE_OF_STATUS, state_label

    state = STATE_OF_STATUS.get(status)
    return state_label(state) if state is not None else status


class OrderFilterForm(forms.Form):
    number = forms.CharField(label=_("Order number"), required=False, max_length=128)
    status = forms.ChoiceField(label=_("Status"), required=False)
    date_from = forms.DateField(label=_("Placed from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Placed until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, statuses: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status"))] + [(s, status_label(s)) for s in statuses]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data

    def filters(self) -> dict:
        """The filters for :func:`shop.companies.orders.filter_orders` (none when the form is invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


class InvitationSignupForm(forms.Form):
    """A new account for an invitee: the email address is the invitation's, only names and a password are asked."""

    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Confirm password"), strip=False, widget=forms.PasswordInput)

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            from django.contrib.auth import get_user_model

            candidate = get_user_model()(email=self.email, first_name=data.get("first_name", ""),
                                         last_name=data.get("last_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
