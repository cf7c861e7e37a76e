"""The shipping method the dummy plugin offers through ``shop_shipping_methods``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import FixedPrice

from . import contract


class DummyCourier(FixedPrice):
    """A flat ``SHIPPING_CHARGE`` (no tax) in the basket's currency, for any basket."""

    code = contract.SHIPPING_CODE
    name = _("Dummy courier")
    description = _("Flat-rate test shipping from the dummy plugin.")

    def __init__(self) -> None:
        super().__init__(charge_excl_tax=contract.SHIPPING_CHARGE, charge_incl_tax=contract.SHIPPING_CHARGE)
