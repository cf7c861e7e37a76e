"""From a file's header row (and a saved column mapping) to the fields each column fills.

Canonical headers (matched without regard to case, spaces or hyphens):

sku, upc, title_en, title_zh_hans, description_en, description_zh_hans,
category, category_zh_hans, product_class, brand, price, currency, stock,
price_<CUR> for each traded currency (price_USD, price_EUR, …).

Every other column is a product attribute whose code is the header made into
an identifier (``Tip size`` → ``tip_size``; Chinese headers by their pinyin).
``brand`` is the attribute ``brand``.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from pypinyin import lazy_pinyin

from shop.currency.money import UnknownCurrency, check_code

from .readers import ImportFileError

SKU = "sku"
UPC = "upc"
TITLE_EN, TITLE_ZH = "title_en", "title_zh_hans"
DESCRIPTION_EN, DESCRIPTION_ZH = "description_en", "description_zh_hans"
CATEGORY, CATEGORY_ZH = "category", "category_zh_hans"
PRODUCT_CLASS = "product_class"
PRICE, CURRENCY, STOCK = "price", "currency", "stock"
BRAND = "brand"
PRICE_PREFIX = "price_"

FIELDS = (
    SKU,
    UPC,
    TITLE_EN,
    TITLE_ZH,
    DESCRIPTION_EN,
    DESCRIPTION_ZH,
    CATEGORY,
    CATEGORY_ZH,
    PRODUCT_CLASS,
    PRICE,
    CURRENCY,
    STOCK,
)
ATTRIBUTE_CODE = re.compile(r"^[a-zA-Z_][0-9a-zA-Z_]*$")
IGNORE = ""


def normalise(header: str) -> str:
    """``" Title EN "`` → ``title_en``; ``"Tip-size"`` → ``tip_size``; ``"颜色"`` stays ``颜色``."""
    text = (header or "").replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def attribute_code(text: str) -> str:
    """A valid Oscar attribute code for a header: ASCII identifier, Chinese spelled in pinyin."""
    text = normalise(text)
    if not text.isascii():
        text = "_".join(part for part in lazy_pinyin(text) if part.strip())
    code = re.sub(r"[^0-9a-z_]+", "_", text.lower()).strip("_")
    code = re.sub(r"_+", "_", code)
    if not code:
        return ""
    if code[0].isdigit():
        code = f"a_{code}"
    if keyword.iskeyword(code):
        code = f"{code}_"
    return code[:128]


@dataclass(frozen=True)
class Column:
    """One column of the file and what it fills.

    ``field`` is a canonical field name, ``"currency_price"`` (then ``currency``
    is set) or ``"attribute"`` (then ``attribute`` holds the code).
    """

    index: int
    header: str
    field: str
    currency: str = ""
    attribute: str = ""


@dataclass
class ColumnPlan:
    columns: list[Column]
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_field = {c.field: c for c in self.columns if c.field in FIELDS}

    @property
    def currency_prices(self) -> list[Column]:
        return [c for c in self.columns if c.field == "currency_price"]

    @property
    def attributes(self) -> list[Column]:
        return [c for c in self.columns if c.field == "attribute"]

    def has(self, name: str) -> bool:
        return name in self.by_field


def _target(raw_target: str) -> tuple[str, str, str]:
    """``(field, currency, attribute)`` for a canonical header or mapping target."""
    name = normalise(raw_target)
    if name in FIELDS:
        return name, "", ""
    if name == BRAND:
        return "attribute", "", BRAND
    if name.startswith(PRICE_PREFIX) and len(name) == len(PRICE_PREFIX) + 3:
        return "currency_price", name[len(PRICE_PREFIX) :].upper(), ""
    if name.startswith("attr:"):
        name = name[len("attr:") :]
    return "attribute", "", attribute_code(name)


def plan_columns(headers: list[str], mapping: dict[str, str] | None = None) -> ColumnPlan:
    """Decide what each column fills; raises ImportFileError when the header row cannot be imported."""
    mapped = {normalise(source): target for source, target in (mapping or {}).items()}
    columns: list[Column] = []
    warnings: list[str] = []
    problems: list[str] = []
    for index, header in enumerate(headers):
        if not header.strip():
            warnings.append(_("Column %(number)d has no header; its values were ignored.") % {"number": index + 1})
            continue
        key = normalise(header)
        target = mapped.get(key, header)
        if target is None or normalise(target) == IGNORE:
            warnings.append(_("Column %(column)s is ignored by the mapping.") % {"column": header})
            continue
        name, currency, code = _target(target)
        if name == "currency_price":
            try:
                currency = check_code(currency)
            except UnknownCurrency:
                problems.append(
                    _("column %(column)s: %(currency)s is not a currency this shop trades in (%(currencies)s)")
                    % {"column": header, "currency": currency, "currencies": ", ".join(settings.SHOP_CURRENCIES)}
                )
                continue
        if name == "attribute" and not ATTRIBUTE_CODE.match(code or "-"):
            problems.append(
                _("column %(column)s: cannot be made into an attribute code; map it to a field or a code")
                % {"column": header}
            )
            continue
        columns.append(Column(index, header.strip(), name, currency, code))
    problems.extend(_duplicates(columns))
    problems.extend(_missing(columns, headers))
    if problems:
        raise ImportFileError("; ".join(problems))
    return ColumnPlan(columns, warnings)


def _duplicates(columns: list[Column]) -> list[str]:
    seen: dict[tuple[str, str, str], Column] = {}
    problems = []
    for column in columns:
        key = (column.field, column.currency, column.attribute)
        if key in seen:
            problems.append(
                _("columns %(first)s and %(second)s fill the same field")
                % {
                    "first": seen[key].header,
                    "second": column.header,
                }
            )
        else:
            seen[key] = column
    return problems


def _missing(columns: list[Column], headers: list[str]) -> list[str]:
    fields = {c.field for c in columns}
    missing = []
    if SKU not in fields:
        missing.append(SKU)
    if not fields & {TITLE_EN, TITLE_ZH}:
        missing.append(_("a title (title_en or title_zh_hans)"))
    if not missing:
        return []
    found = ", ".join(h for h in headers if h.strip()) or _("none")
    return [
        _("Missing required columns: %(missing)s. The file has: %(found)s.")
        % {"missing": ", ".join(missing), "found": found}
    ]
