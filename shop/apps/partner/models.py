from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractStockRecord


class StockRecord(AbstractStockRecord):
    """Oscar's stock record plus explicit prices in other currencies.

    ``currency_prices`` maps a currency code to a decimal string, e.g.
    ``{"USD": "0.49", "EUR": "0.45"}``. An explicit price always wins over a
    conversion of ``price`` (held in ``price_currency``, the base currency).
    Kept on the row so list pages price every card without an extra query.
    """

    currency_prices = models.JSONField(_("prices in other currencies"), default=dict, blank=True)

    def explicit_price(self, currency: str) -> Decimal | None:
        raw = (self.currency_prices or {}).get(currency)
        return Decimal(raw) if raw is not None else None

    def clean(self) -> None:
        super().clean()
        from shop.currency.money import UnknownCurrency, check_code, quantize

        cleaned = {}
        for code, raw in (self.currency_prices or {}).items():
            try:
                code = check_code(code)
                value = Decimal(str(raw))
            except (UnknownCurrency, InvalidOperation) as exc:
                raise ValidationError(
                    {
                        "currency_prices": str(exc)
                        if isinstance(exc, UnknownCurrency)
                        else _("%(raw)r is not a price") % {"raw": raw}
                    }
                ) from None
            if isinstance(raw, float):
                raise ValidationError({"currency_prices": _("Give prices as text or Decimal, not float.")})
            if not value.is_finite() or value <= 0:
                raise ValidationError({"currency_prices": _("Prices must be greater than zero.")})
            cleaned[code] = str(quantize(value, code))
        self.currency_prices = cleaned


from oscar.apps.partner.models import *  # noqa: E402, F403 - Oscar's fork pattern: overrides first
