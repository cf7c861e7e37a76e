"""The logistics plugin: found by entry point, its metadata, its staff page, menu entry and switch."""

from __future__ import annotations

import logistics
from logistics.apps import LogisticsConfig

from shop.plugins.testing import PluginFrameChecks


class TestLogisticsFrame(PluginFrameChecks):
    package = logistics
    config = LogisticsConfig
    distribution = "inkstone-plugin-logistics"
    name_en = "Logistics"
    name_zh = "物流"
