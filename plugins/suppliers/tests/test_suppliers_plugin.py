"""The suppliers plugin: found by entry point, its metadata, its staff page, menu entry and switch."""

from __future__ import annotations

import suppliers
from suppliers.apps import SuppliersConfig

from shop.plugins.testing import PluginFrameChecks


class TestSuppliersFrame(PluginFrameChecks):
    package = suppliers
    config = SuppliersConfig
    distribution = "inkstone-plugin-suppliers"
    name_en = "Suppliers"
    name_zh = "供应商"
