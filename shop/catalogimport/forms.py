"""Dashboard forms: the upload (checked by size and content) and a column mapping."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from .mappings import mapping_text, parse_mapping_text
from .models import ColumnMapping
from .readers import ImportFileError, detect_kind

Partner = get_model("partner", "Partner")

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def max_upload_bytes() -> int:
    return int(getattr(settings, "SHOP_IMPORT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))


class ImportUploadForm(forms.Form):
    DRY_RUN, ALL_OR_NOTHING, PARTIAL = "dry_run", "all", "partial"

    file = forms.FileField(label=_("File"), help_text=_("CSV (UTF-8 or GBK; , ; tab or |) or Excel .xlsx"))
    supplier = forms.ModelChoiceField(label=_("Supplier"), queryset=Partner.objects.order_by("name"))
    mapping = forms.ModelChoiceField(
        label=_("Column mapping"),
        queryset=ColumnMapping.objects.select_related("partner"),
        required=False,
        empty_label=_("Standard headers (or the supplier's mapping named 'default')"),
    )
    mode = forms.ChoiceField(
        label=_("Mode"),
        choices=[
            (DRY_RUN, _("Check only (dry run): report every problem, save nothing")),
            (ALL_OR_NOTHING, _("Import: all rows or nothing")),
            (PARTIAL, _("Import the good rows and report the bad ones")),
        ],
        initial=DRY_RUN,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update({"class": "form-control-file", "accept": ".csv,.txt,.xlsx"})
        for name in ("supplier", "mapping"):
            self.fields[name].widget.attrs["class"] = "form-control"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        data = upload.read(limit + 1)
        if len(data) > limit:
            raise forms.ValidationError(_("The file is larger than %(limit)s.") % {"limit": filesizeformat(limit)})
        if not data.strip():
            raise forms.ValidationError(_("The file is empty."))
        try:
            self.kind = detect_kind(data)
        except ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from None
        self.data_bytes = data
        return upload

    def clean(self):
        cleaned = super().clean()
        mapping, supplier = cleaned.get("mapping"), cleaned.get("supplier")
        if mapping and supplier and mapping.partner_id not in (None, supplier.pk):
            self.add_error("mapping", _("This mapping belongs to another supplier."))
        return cleaned


class ColumnMappingForm(forms.ModelForm):
    columns_text = forms.CharField(
        label=_("Columns"),
        widget=forms.Textarea(attrs={"rows": 12, "class": "text-monospace"}),
        required=False,
        help_text=_(
            "One 'source column = field' per line, e.g. '货号 = sku', '单价 = price', '颜色 = colour'. "
            "Leave the field empty to ignore a column."
        ),
    )

    class Meta:
        model = ColumnMapping
        fields = ["partner", "name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.order_by("name")
        self.fields["partner"].empty_label = _("All suppliers")
        for name in ("partner", "name"):
            self.fields[name].widget.attrs["class"] = "form-control"
        self.fields["columns_text"].widget.attrs["class"] = "form-control text-monospace"
        if self.instance.pk:
            self.initial["columns_text"] = mapping_text(self.instance.columns)

    def clean_columns_text(self) -> dict[str, str]:
        try:
            return parse_mapping_text(self.cleaned_data["columns_text"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        cleaned = super().clean()
        name, partner = cleaned.get("name"), cleaned.get("partner")
        if name and partner is None:
            clash = ColumnMapping.objects.filter(Q(partner__isnull=True), name=name).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", _("A shared mapping with this name exists already."))
        return cleaned

    def save(self, commit: bool = True) -> ColumnMapping:
        self.instance.columns = self.cleaned_data["columns_text"]
        return super().save(commit)
