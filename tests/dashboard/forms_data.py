"""Turn a rendered Django form or formset back into POST data, as a browser would submit it."""

from __future__ import annotations

from django import forms


def form_data(form, prefix_fields: bool = True) -> dict:
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name) if prefix_fields else name
        value = form[name].value()
        if value is None and isinstance(field.widget, forms.Select) and not field.widget.allow_multiple_selected:
            value = next((str(v) for v, _ in field.choices), None)  # a browser submits a select's first option
        if value is None or value is False or value == "":
            continue
        if value is True:
            value = "on"
        if isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif hasattr(value, "pk"):
            data[key] = str(value.pk)
        else:
            data[key] = str(value)
    return data


def formset_data(formset) -> dict:
    data = {f"{formset.prefix}-{k}": str(v) for k, v in formset.management_form.initial.items()}
    for form in formset.forms:  # every row with the values it shows, extra (blank) rows included
        data.update(form_data(form))
    return data
