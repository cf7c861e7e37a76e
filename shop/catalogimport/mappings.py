"""Finding the supplier and column mapping of an import, and checking a mapping's targets."""

from __future__ import annotations

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from .columns import ATTRIBUTE_CODE, FIELDS, IGNORE, PRICE_PREFIX, normalise
from .models import ColumnMapping

Partner = get_model("partner", "Partner")

DEFAULT_MAPPING = "default"


class ImportSetupError(ValueError):
    """The supplier or mapping an import names does not exist (or none was named where one must be)."""


def find_supplier(code: str | None) -> Partner:
    """The partner with this code; without a code, the only partner there is."""
    if code:
        try:
            return Partner.objects.get(code=code)
        except Partner.DoesNotExist:
            known = ", ".join(Partner.objects.order_by("code").values_list("code", flat=True)[:20])
            raise ImportSetupError(
                _("No supplier with code %(code)r. Suppliers: %(known)s") % {"code": code, "known": known or "-"}
            ) from None
    partners = list(Partner.objects.order_by("code")[:21])
    if len(partners) == 1:
        return partners[0]
    if not partners:
        raise ImportSetupError(_("There is no supplier yet; create one in the dashboard (Fulfilment > Partners)."))
    known = ", ".join(p.code for p in partners[:20])
    raise ImportSetupError(_("Name the supplier to import for (one of: %(known)s).") % {"known": known})


def find_mapping(supplier: Partner, name: str | None) -> ColumnMapping | None:
    """The supplier's mapping of that name, else the shared one; without a name, a mapping named "default"."""
    wanted = name or DEFAULT_MAPPING
    for partner in (supplier, None):
        found = ColumnMapping.objects.filter(partner=partner, name=wanted).first()
        if found is not None:
            return found
    if name:
        raise ImportSetupError(
            _("No column mapping %(name)r for supplier %(supplier)s.") % {"name": name, "supplier": supplier.code}
        )
    return None


def target_problem(target: str) -> str:
    """Why a mapping target is not usable, or "" when it is fine."""
    name = normalise(target)
    if name in (IGNORE, "brand") or name in FIELDS:
        return ""
    if name.startswith(PRICE_PREFIX) and len(name) == len(PRICE_PREFIX) + 3:
        return ""
    code = name.removeprefix("attr:")
    if ATTRIBUTE_CODE.match(code):
        return ""
    return _(
        "%(target)r is neither a field (%(fields)s, price_<currency>) nor an attribute code (letters, digits, _)"
    ) % {"target": target, "fields": ", ".join((*FIELDS, "brand"))}


def parse_mapping_text(text: str) -> dict[str, str]:
    """``source = target`` lines (the dashboard's mapping form) as a dict; raises ValueError with the bad line."""
    columns: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        source, sep, target = line.partition("=")
        if not sep or not source.strip():
            raise ValueError(_("line %(number)d: write it as 'source column = field'") % {"number": number})
        problem = target_problem(target.strip())
        if problem:
            raise ValueError(_("line %(number)d: %(problem)s") % {"number": number, "problem": problem})
        columns[source.strip()] = target.strip()
    return columns


def mapping_text(columns: dict[str, str]) -> str:
    return "\n".join(f"{source} = {target}" for source, target in columns.items())
