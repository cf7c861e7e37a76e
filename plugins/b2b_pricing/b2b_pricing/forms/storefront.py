"""The quick order form: pasted lines or an uploaded CSV/XLSX of SKU and quantity (the pad rows come as lists)."""

from __future__ import annotations

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_PASTE_CHARS = 200_000


class QuickOrderForm(forms.Form):
    pasted = forms.CharField(
        label=_("Paste lines"),
        required=False,
        max_length=MAX_PASTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": "GP-05-BLUE,12\nA4-80G-500,5", "spellcheck": "false"}),
        help_text=_("One line per product: SKU and quantity, separated by a comma, tab or space."),
    )
    upload = forms.FileField(
        label=_("Or upload a file"),
        required=False,
        help_text=_("CSV or Excel (.xlsx) with the columns sku and quantity."),
    )

    def clean_upload(self) -> bytes | None:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)}
            )
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        if not data.strip():
            raise forms.ValidationError(_("The file is empty."))
        return data
