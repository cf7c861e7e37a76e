"""A cell's text as the value of a product attribute of a given type."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .references import AttributeSpec, CatalogReferences
from .rows import parse_decimal

ProductAttribute = get_model("catalogue", "ProductAttribute")

#: An option the import would create (in a check, where nothing is created).
NEW_OPTION = object()

_TRUE = {"1", "true", "yes", "y", "x", "是", "有"}
_FALSE = {"0", "false", "no", "n", "否", "无"}

#: The ProductAttributeValue column each importable type is stored in.
VALUE_FIELDS = {
    ProductAttribute.TEXT: "value_text",
    ProductAttribute.RICHTEXT: "value_richtext",
    ProductAttribute.INTEGER: "value_integer",
    ProductAttribute.FLOAT: "value_float",
    ProductAttribute.BOOLEAN: "value_boolean",
    ProductAttribute.DATE: "value_date",
    ProductAttribute.OPTION: "value_option",
}


def attribute_value(spec: AttributeSpec, text: str, refs: CatalogReferences, create: bool) -> tuple[str, object]:
    """``(value field, value)``; raises ValueError with the reason when the text does not fit the type.

    Option attributes take an existing option (matched by its English or
    Chinese label or code) or, when ``create`` is set, a new option in the
    attribute's group; without ``create`` a missing option is ``NEW_OPTION``.
    """
    kind = spec.type
    if kind not in VALUE_FIELDS:
        raise ValueError(
            _("attribute %(code)s is of type %(type)s, which an import cannot set") % {"code": spec.code, "type": kind}
        )
    field = VALUE_FIELDS[kind]
    if kind in (ProductAttribute.TEXT, ProductAttribute.RICHTEXT):
        return field, text
    if kind == ProductAttribute.INTEGER:
        try:
            number = parse_decimal(text)
        except ValueError:
            number = None
        if number is None or number != number.to_integral_value() or abs(number) > 2**31 - 1:
            raise ValueError(_("%(value)r is not a whole number") % {"value": text})
        return field, int(number)
    if kind == ProductAttribute.FLOAT:
        try:
            return field, float(parse_decimal(text))  # a measurement, not money
        except ValueError:
            raise ValueError(_("%(value)r is not a number") % {"value": text}) from None
    if kind == ProductAttribute.BOOLEAN:
        key = text.strip().casefold()
        if key in _TRUE | _FALSE:
            return field, key in _TRUE
        raise ValueError(_("%(value)r is not yes or no") % {"value": text})
    if kind == ProductAttribute.DATE:
        try:
            return field, datetime.date.fromisoformat(text.strip()[:10])
        except ValueError:
            raise ValueError(_("%(value)r is not a date like 2026-01-31") % {"value": text}) from None
    # option
    if spec.option_group_id is None:
        raise ValueError(_("attribute %(code)s has no option group to choose from") % {"code": spec.code})
    if len(text) > 255:
        raise ValueError(_("longer than %(limit)d characters") % {"limit": 255})
    if create:
        return field, refs.get_option(spec.option_group_id, text)
    return field, refs.find_option(spec.option_group_id, text) or NEW_OPTION


def stored_value(value_row, field: str) -> object:
    """The comparable stored value of a ProductAttributeValue (an option by its id)."""
    if field == "value_option":
        return value_row.value_option_id
    return getattr(value_row, field)


def comparable(value: object) -> object:
    return getattr(value, "pk", value)
